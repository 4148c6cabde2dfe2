import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import type { AuthorizeReply, CashierPrompt, PromptInput, PromptKind } from '@payments/contracts';

import { AUTHORIZATION_DB, AuthorizationDb } from '../database/authorization-db.provider';
import { type CashierPrompt as PromptRow, Prisma, type Transaction } from '../generated/prisma/client';
import type { PromptSpec } from '../operation/cashier-prompt.model';
import { replyOf } from '../operation/operation-reply.mapper';
import { OperationRepository } from '../operation/operation.repository';
import type { CashierPrompts, WaitingFields } from '../operation/ports/cashier-prompts.port';

/** What an answered prompt's operation is given back to go on: the row as it was left, and its context. */
export interface ResumedPrompt {
  readonly prompt: PromptRow;
  readonly transaction: Transaction;
  readonly context: Prisma.JsonValue;
}

export const AWAITING_CASHIER = 'awaiting_cashier' as const;

/**
 * Prompts and the transaction that waits on them move together, in one database transaction
 * each time: opening one sets the transaction `awaiting_cashier`; answering it (once: a
 * conditional UPDATE) puts the transaction back to `pending` for the operation to go on, and
 * erases the context (it may hold the PIN pad's encrypted card block).
 */
@Injectable()
export class CashierPromptRepository implements CashierPrompts {
  constructor(
    @Inject(AUTHORIZATION_DB) private readonly db: AuthorizationDb,
    private readonly operations: OperationRepository,
  ) {}

  private readonly openedListeners: ((expiresAt: Date) => void)[] = [];

  /** Called with its expiry each time this process opens a prompt (the expiry worker sleeps until then). */
  onOpened(listener: (expiresAt: Date) => void): void {
    this.openedListeners.push(listener);
  }

  async open(
    transactionId: string,
    terminalId: string,
    spec: PromptSpec,
    context: Prisma.InputJsonValue,
    expiresAt: Date,
    row: WaitingFields = {},
  ): Promise<CashierPrompt> {
    const id = randomUUID();
    await this.db.$transaction(async (tx) => {
      await this.operations.changeStatus(tx, transactionId, 'pending', {
        to: AWAITING_CASHIER,
        reason: `waiting for the cashier: ${spec.text}`,
        responseCode: row.responseCode ?? undefined,
        fields: { ...row, statusReason: spec.text },
      });
      await tx.cashierPrompt.create({ data: { id, transactionId, terminalId, kind: spec.kind, text: spec.text, input: spec.input, context, expiresAt } });
    });
    for (const listener of this.openedListeners) listener(expiresAt);
    return { promptId: id, kind: spec.kind, text: spec.text, input: spec.input, expiresAt: expiresAt.toISOString() };
  }

  find(promptId: string): Promise<PromptRow | null> {
    return this.db.cashierPrompt.findUnique({ where: { id: promptId } });
  }

  /** What a register gets for a transaction: with the prompt it waits on, if it waits (a replay shows the same prompt). */
  async replyOf(row: Transaction): Promise<AuthorizeReply> {
    return row.status === AWAITING_CASHIER ? { ...replyOf(row), prompt: await this.openPromptOf(row.id) } : replyOf(row);
  }

  /** The open prompt a waiting transaction shows again (a replayed request gets the same prompt). */
  async openPromptOf(transactionId: string): Promise<CashierPrompt | undefined> {
    const row = await this.db.cashierPrompt.findFirst({ where: { transactionId, status: 'open' }, orderBy: { createdAt: 'desc' } });
    return row ? promptOf(row) : undefined;
  }

  /**
   * Takes the answer and puts the transaction back to `pending`, or null when the prompt is no
   * longer open (answered or expired meanwhile): only one answer ever wins.
   */
  resume(promptId: string, answer: string, reason: string, status: 'answered' | 'expired' = 'answered'): Promise<ResumedPrompt | null> {
    return this.db.$transaction(async (tx) => {
      const [prompt] = await tx.cashierPrompt.findMany({ where: { id: promptId, status: 'open' } });
      if (!prompt) return null;
      const closed = await tx.cashierPrompt.updateMany({
        where: { id: promptId, status: 'open' },
        data: { status, answer: status === 'answered' ? answer : null, context: Prisma.DbNull, closedAt: new Date() },
      });
      if (closed.count === 0) return null;
      const transaction = await this.operations.changeStatus(tx, prompt.transactionId, AWAITING_CASHIER, {
        to: 'pending',
        reason,
        fields: { statusReason: reason },
      });
      return { prompt, transaction, context: prompt.context };
    });
  }

  /** When the first open prompt expires (null: none is open): one plain statement (names follow search_path). */
  async firstExpiry(): Promise<Date | null> {
    const [row] = await this.db.$queryRawUnsafe<{ first_ms: number | null }[]>(
      `SELECT (extract(epoch FROM min("expires_at")) * 1000)::float8 AS "first_ms" FROM "cashier_prompt" WHERE "status" = 'open'`,
    );
    return row.first_ms === null ? null : new Date(Number(row.first_ms));
  }

  findExpired(now: Date, limit: number): Promise<PromptRow[]> {
    return this.db.cashierPrompt.findMany({ where: { status: 'open', expiresAt: { lte: now } }, orderBy: { expiresAt: 'asc' }, take: limit });
  }
}

export function promptOf(row: PromptRow): CashierPrompt {
  return { promptId: row.id, kind: row.kind as PromptKind, text: row.text, input: row.input as PromptInput, expiresAt: row.expiresAt.toISOString() };
}
