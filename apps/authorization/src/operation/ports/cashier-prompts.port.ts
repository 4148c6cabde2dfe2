import type { AuthorizeReply, CashierPrompt } from '@payments/contracts';

import type { Prisma, Transaction } from '../../generated/prisma/client';
import type { PromptSpec } from '../cashier-prompt.model';

/** Nest token of the CashierPrompts port. */
export const CASHIER_PROMPTS = Symbol('CashierPrompts');

/** What the operation's row takes when it starts waiting (a partial approval: the rail's answer). */
export type WaitingFields = Partial<Pick<Transaction, 'amountMinor' | 'stan' | 'rrn' | 'approvalCode' | 'responseCode'>>;

/**
 * Where an operation asks the cashier (the register shows the prompt and posts the answer). The
 * core decides when to ask; the answer comes back through the prompt-answer use case, which
 * resumes the operation.
 */
export interface CashierPrompts {
  /** The operation waits (`awaiting_cashier`) on a new prompt; `context` is what it needs to go on. */
  open(
    transactionId: string,
    terminalId: string,
    spec: PromptSpec,
    context: Prisma.InputJsonValue,
    expiresAt: Date,
    row?: WaitingFields,
  ): Promise<CashierPrompt>;
  /** The register's reply for a row: with the prompt it waits on, if it waits. */
  replyOf(row: Transaction): Promise<AuthorizeReply>;
}
