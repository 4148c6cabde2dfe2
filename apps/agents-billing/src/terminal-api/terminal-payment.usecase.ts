import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { PayPayeeUseCase } from '../payments/pay-payee.usecase';
import { storedPayerAccount } from '../payees/payer-account';
import type { AgentTerminal } from './agent-terminal';
import { type AskedPayment, refusalBody, terminalPaymentAnswerOf } from './terminal-payment.answer';
import { type TerminalAnswer, TerminalRequestRepository } from './terminal-request.repository';

export interface TerminalPaymentCommand extends AskedPayment {
  readonly terminal: AgentTerminal;
  readonly idempotencyKey: string;
  readonly account: string;
  readonly now: Date;
}

/**
 * The payment id a terminal's Idempotency-Key stands for: the same terminal and key always name the
 * same payment, so a retry whose first answer was lost reaches the payment use case with the id it
 * already knows (a name-based UUID, version 8, from SHA-256).
 */
export function terminalPaymentIdOf(terminalId: string, idempotencyKey: string): string {
  return terminalScopedIdOf('payment', terminalId, idempotencyKey);
}

/** The id a terminal's Idempotency-Key stands for in one kind of request (`payment`, `voucher-sale`, `change-move`): a name-based UUID. */
export function terminalScopedIdOf(kind: string, terminalId: string, idempotencyKey: string): string {
  const hex = createHash('sha256').update(`agent-terminal-${kind}\n${terminalId}\n${idempotencyKey}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The body a key stands for (a card-shaped account as kept: masked, never hashed whole). */
function requestHashOf({ payeeId, amount, currency, account }: TerminalPaymentCommand): string {
  return createHash('sha256')
    .update(JSON.stringify([payeeId, amount.toString(), currency, storedPayerAccount(account)]))
    .digest('hex');
}

/**
 * A terminal's payment, idempotent by its Idempotency-Key as a register's purchase is: the same key
 * and body get the first final answer again (and post once); another body under the key is a 422
 * naming it. The payment is the node's (PayPayeeUseCase), under the id the key stands for.
 */
@Injectable()
export class TerminalPaymentUseCase {
  constructor(
    private readonly requests: TerminalRequestRepository,
    private readonly payPayee: PayPayeeUseCase,
  ) {}

  async execute(command: TerminalPaymentCommand): Promise<TerminalAnswer> {
    const { terminal, idempotencyKey } = command;
    const claim = await this.requests.claim(terminal.id, idempotencyKey, requestHashOf(command), terminalPaymentIdOf(terminal.id, idempotencyKey));
    if (claim.kind === 'answered') return claim.answer;
    if (claim.kind === 'key_reused') {
      const message = `Idempotency-Key: ${idempotencyKey} was sent before with another payee, amount, currency or account`;
      return { status: 422, body: refusalBody(422, 'idempotency_key_reused', message) };
    }
    const outcome = await this.payPayee.execute({
      paymentId: claim.paymentId,
      nodeId: terminal.nodeId,
      payeeId: command.payeeId,
      amount: command.amount,
      currency: command.currency,
      account: command.account,
      now: command.now,
    });
    const { answer, final } = terminalPaymentAnswerOf(outcome, command);
    if (final) await this.requests.answer(terminal.id, idempotencyKey, answer, command.now);
    return answer;
  }
}
