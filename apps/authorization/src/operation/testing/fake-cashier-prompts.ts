import { randomUUID } from 'node:crypto';

import type { AuthorizeReply, CashierPrompt } from '@payments/contracts';

import type { Prisma, Transaction } from '../../generated/prisma/client';
import type { PromptSpec } from '../cashier-prompt.model';
import { replyOf } from '../operation-reply.mapper';
import type { OperationRepository } from '../operation.repository';
import type { CashierPrompts, WaitingFields } from '../ports/cashier-prompts.port';

/** Prompts kept in memory; the operation's status still changes through the aggregate. */
export class FakeCashierPrompts implements CashierPrompts {
  readonly opened: { transactionId: string; prompt: CashierPrompt; context: Prisma.InputJsonValue }[] = [];

  constructor(private readonly operations: OperationRepository) {}

  async open(transactionId: string, _terminalId: string, spec: PromptSpec, context: Prisma.InputJsonValue, expiresAt: Date, row: WaitingFields = {}) {
    await this.operations.transaction((tx) =>
      this.operations.changeStatus(tx, transactionId, 'pending', {
        to: 'awaiting_cashier',
        reason: `waiting for the cashier: ${spec.text}`,
        fields: { ...row, statusReason: spec.text },
      }),
    );
    const prompt = { promptId: randomUUID(), kind: spec.kind, text: spec.text, input: spec.input, expiresAt: expiresAt.toISOString() };
    this.opened.push({ transactionId, prompt, context });
    return prompt;
  }

  replyOf(row: Transaction): Promise<AuthorizeReply> {
    const open = row.status === 'awaiting_cashier' ? this.opened.findLast((p) => p.transactionId === row.id) : undefined;
    return Promise.resolve(open ? { ...replyOf(row), prompt: open.prompt } : replyOf(row));
  }
}
