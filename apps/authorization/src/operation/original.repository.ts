import { Inject, Injectable } from '@nestjs/common';

import type { OriginalReference } from '@payments/contracts';

import { AUTHORIZATION_DB, AuthorizationDb, AuthorizationTx } from '../database/authorization-db.provider';
import type { Transaction } from '../generated/prisma/client';
import type { OperationStatus } from './operation-status';
import { OperationRepository } from './operation.repository';

/**
 * The originals of follow-ups. What a cancel, refund or completion takes is reserved on the
 * original by one conditional UPDATE before the host is asked, so two at once can never take
 * more than the original holds (and a CHECK constraint says the same in the schema).
 */
@Injectable()
export class OriginalRepository {
  constructor(
    @Inject(AUTHORIZATION_DB) private readonly db: AuthorizationDb,
    private readonly operations: OperationRepository,
  ) {}

  /** Only the terminal's own transactions: another terminal's id reads as unknown. */
  find(terminalId: string, ref: OriginalReference): Promise<Transaction | null> {
    if ('transactionId' in ref) return this.db.transaction.findFirst({ where: { id: ref.transactionId, terminalId } });
    return this.db.transaction.findFirst({
      where: { terminalId, rrn: ref.rrn, approvalCode: ref.approvalCode.trim() },
      orderBy: { createdAt: 'desc' },
    });
  }

  /** By the RRN the cashier keyed from the receipt; not a follow-up (a cancel carries its original's RRN). */
  findByRrn(terminalId: string, rrn: string): Promise<Transaction | null> {
    return this.db.transaction.findFirst({
      where: { terminalId, rrn, operation: { notIn: ['cancel', 'emergency_cancel', 'refund'] } },
      orderBy: { createdAt: 'desc' },
    });
  }

  /** The terminal's most recent operation (any kind, any outcome). */
  last(terminalId: string): Promise<Transaction | null> {
    return this.db.transaction.findFirst({ where: { terminalId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  }

  /** Reserves a cancel or refund; false when the original no longer has that much left. */
  async reserveReturn(originalId: string, amountMinor: bigint): Promise<boolean> {
    const updated = await this.db.$executeRawUnsafe(
      `UPDATE "authorization"."transaction" SET "returned_minor" = "returned_minor" + $2::bigint
       WHERE "id" = $1::uuid AND "status" = 'approved' AND "completed_minor" = 0 AND "returned_minor" + $2::bigint <= "amount_minor"`,
      originalId,
      amountMinor.toString(),
    );
    return updated === 1;
  }

  /** Reserves a completion: once, within the preauthorized amount, before it lapses. */
  async reserveCompletion(preauthId: string, amountMinor: bigint): Promise<boolean> {
    const updated = await this.db.$executeRawUnsafe(
      `UPDATE "authorization"."transaction" SET "completed_minor" = $2::bigint
       WHERE "id" = $1::uuid AND "status" = 'approved' AND "completed_minor" = 0 AND "returned_minor" = 0
         AND $2::bigint <= "amount_minor" AND ("expires_at" IS NULL OR "expires_at" > now())`,
      preauthId,
      amountMinor.toString(),
    );
    return updated === 1;
  }

  /** Gives back what a declined, failed or reversed follow-up had reserved. */
  async release(tx: AuthorizationTx, follow: Pick<Transaction, 'operation' | 'originalId' | 'amountMinor'>): Promise<void> {
    if (!follow.originalId) return;
    if (follow.operation === 'completion') {
      await tx.$executeRawUnsafe(`UPDATE "authorization"."transaction" SET "completed_minor" = 0 WHERE "id" = $1::uuid`, follow.originalId);
      return;
    }
    await tx.$executeRawUnsafe(
      `UPDATE "authorization"."transaction" SET "returned_minor" = "returned_minor" - $2::bigint WHERE "id" = $1::uuid`,
      follow.originalId,
      follow.amountMinor.toString(),
    );
  }

  /** After an approved follow-up: an original fully cancelled, refunded or completed says so. */
  async settleOriginal(tx: AuthorizationTx, follow: Pick<Transaction, 'id' | 'operation' | 'originalId'>): Promise<void> {
    if (!follow.originalId) return;
    const original = await tx.transaction.findUnique({ where: { id: follow.originalId } });
    if (!original || original.status !== 'approved') return;
    let status: OperationStatus | undefined;
    if (follow.operation === 'completion') status = 'completed';
    else if (original.returnedMinor === original.amountMinor) status = follow.operation === 'refund' ? 'refunded' : 'cancelled';
    if (!status) return;
    await this.operations.changeStatus(tx, original.id, original.status, { to: status, reason: `${follow.operation} ${follow.id}` });
  }
}
