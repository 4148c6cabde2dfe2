import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { AGENTS_BILLING_DB, AgentsBillingDb } from '../database/agents-billing-db.provider';
import { dateOf } from '../database/sql-values';
import type { SealedCode } from './voucher-code.cipher';
import type { StockKey, Voucher } from './voucher';
import { VOUCHER_COLUMNS, voucherOf } from './voucher-rows';

export interface VoucherBatch extends StockKey {
  readonly id: string;
  readonly expiresAt: Date | null;
  readonly voucherCount: number;
  readonly requestHash: string;
  readonly importedAt: Date;
}

/** A voucher to store: its serial, its code sealed and fingerprinted, and its line in the caller's body. */
export interface StoredVoucherLine {
  readonly serial: string;
  readonly sealed: SealedCode;
  readonly fingerprint: string;
  readonly line: string;
}

export type InsertBatchResult =
  | { readonly kind: 'imported'; readonly batch: VoucherBatch }
  | { readonly kind: 'existing'; readonly batch: VoucherBatch }
  /** A serial or a code of the batch is already in the provider's stock. */
  | { readonly kind: 'duplicate'; readonly line: string; readonly what: 'serial' | 'code'; readonly serial: string };

class DuplicateInStock extends Error {
  constructor(readonly duplicate: Extract<InsertBatchResult, { kind: 'duplicate' }>) {
    super('duplicate in stock');
  }
}

const BATCH_COLUMNS = `"id"::text AS "id", "provider_id", "denomination"::text AS "denomination", "currency", "expires_at", "voucher_count", "request_hash", "imported_at"`;

/** The providers' batches and their vouchers: import (all or nothing), returns of the unsold, blocks. */
@Injectable()
export class VoucherBatchRepository {
  constructor(@Inject(AGENTS_BILLING_DB) private readonly db: AgentsBillingDb) {}

  /**
   * One transaction: the batch row under the caller's id (an id already there answers `existing`),
   * a look for any serial or code already in the provider's stock (the first such line is named),
   * then every voucher in one statement. Refused, nothing is written.
   */
  async insert(batch: Omit<VoucherBatch, 'voucherCount'>, lines: readonly StoredVoucherLine[]): Promise<InsertBatchResult> {
    try {
      return await this.db.transaction(async (tx) => {
        const [inserted] = await tx.query(
          `INSERT INTO "voucher_batch" ("id", "provider_id", "denomination", "currency", "expires_at", "voucher_count", "request_hash", "imported_at")
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT ("id") DO NOTHING RETURNING ${BATCH_COLUMNS}`,
          [batch.id, batch.providerId, batch.denomination.toString(), batch.currency, batch.expiresAt, lines.length, batch.requestHash, batch.importedAt],
        );
        if (!inserted) {
          const [existing] = await tx.query(`SELECT ${BATCH_COLUMNS} FROM "voucher_batch" WHERE "id" = $1`, [batch.id]);
          return { kind: 'existing', batch: batchOf(existing) };
        }
        const clashes = await tx.query<{ serial: string; code_fingerprint: string }>(
          `SELECT "serial", "code_fingerprint" FROM "voucher" WHERE "provider_id" = $1 AND ("serial" = ANY($2::text[]) OR "code_fingerprint" = ANY($3::text[]))`,
          [batch.providerId, lines.map((l) => l.serial), lines.map((l) => l.fingerprint)],
        );
        if (clashes.length > 0) throw new DuplicateInStock(firstClash(lines, clashes));
        await tx.query(
          `INSERT INTO "voucher" ("id", "batch_id", "provider_id", "denomination", "currency", "serial", "code_key_id", "code_ciphertext", "code_fingerprint", "expires_at")
           SELECT v."id", $1, $2, $3, $4, v."serial", v."key_id", v."ciphertext", v."fingerprint", $5
           FROM unnest($6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[]) AS v("id", "serial", "key_id", "ciphertext", "fingerprint")`,
          [
            batch.id,
            batch.providerId,
            batch.denomination.toString(),
            batch.currency,
            batch.expiresAt,
            lines.map(() => randomUUID()),
            lines.map((l) => l.serial),
            lines.map((l) => l.sealed.keyId),
            lines.map((l) => l.sealed.ciphertext),
            lines.map((l) => l.fingerprint),
          ],
        );
        return { kind: 'imported', batch: batchOf(inserted) };
      });
    } catch (error) {
      if (error instanceof DuplicateInStock) return error.duplicate;
      throw error;
    }
  }

  async find(id: string): Promise<VoucherBatch | undefined> {
    const [row] = await this.db.query(`SELECT ${BATCH_COLUMNS} FROM "voucher_batch" WHERE "id" = $1`, [id]);
    return row ? batchOf(row) : undefined;
  }

  /** Moves a batch's vouchers in `from` to `to` (returned to the provider, or blocked); returns the vouchers of the batch by status after it. */
  async moveBatch(batchId: string, from: readonly Voucher['status'][], to: 'returned' | 'blocked', now: Date): Promise<Record<Voucher['status'], number>> {
    const at = to === 'returned' ? 'returned_at' : 'blocked_at';
    await this.db.execute(`UPDATE "voucher" SET "status" = $3, "${at}" = $4 WHERE "batch_id" = $1 AND "status" = ANY($2::text[])`, [batchId, from, to, now]);
    const rows = await this.db.query<{ status: Voucher['status']; n: unknown }>(
      `SELECT "status", count(*)::int AS "n" FROM "voucher" WHERE "batch_id" = $1 GROUP BY "status"`,
      [batchId],
    );
    const counts = { available: 0, sold: 0, returned: 0, blocked: 0 };
    for (const row of rows) counts[row.status] = Number(row.n);
    return counts;
  }

  async findBySerial(providerId: string, serial: string): Promise<Voucher | undefined> {
    const [row] = await this.db.query(`SELECT ${VOUCHER_COLUMNS} FROM "voucher" WHERE "provider_id" = $1 AND "serial" = $2`, [providerId, serial]);
    return row ? voucherOf(row) : undefined;
  }

  /** Blocks one available voucher; false when it was not available. */
  async blockOne(voucherId: string, now: Date): Promise<boolean> {
    return (
      (await this.db.execute(`UPDATE "voucher" SET "status" = 'blocked', "blocked_at" = $2 WHERE "id" = $1 AND "status" = 'available'`, [voucherId, now])) === 1
    );
  }

  /** A sold voucher returned: false when it was not sold (already returned, or never). */
  async markSoldReturned(voucherId: string, now: Date): Promise<boolean> {
    return (
      (await this.db.execute(`UPDATE "voucher" SET "status" = 'returned', "returned_at" = $2 WHERE "id" = $1 AND "status" = 'sold'`, [voucherId, now])) === 1
    );
  }
}

function firstClash(
  lines: readonly StoredVoucherLine[],
  clashes: readonly { serial: string; code_fingerprint: string }[],
): Extract<InsertBatchResult, { kind: 'duplicate' }> {
  const serials = new Set(clashes.map((c) => c.serial));
  const fingerprints = new Set(clashes.map((c) => c.code_fingerprint));
  const line = lines.find((l) => serials.has(l.serial) || fingerprints.has(l.fingerprint)) as StoredVoucherLine;
  return { kind: 'duplicate', line: line.line, what: serials.has(line.serial) ? 'serial' : 'code', serial: line.serial };
}

function batchOf(row: Record<string, unknown>): VoucherBatch {
  return {
    id: String(row.id),
    providerId: String(row.provider_id),
    denomination: BigInt(row.denomination as string),
    currency: String(row.currency),
    expiresAt: row.expires_at === null ? null : dateOf(row.expires_at),
    voucherCount: Number(row.voucher_count),
    requestHash: String(row.request_hash),
    importedAt: dateOf(row.imported_at),
  };
}
