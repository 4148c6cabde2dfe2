import type { AgentPayment } from '../payments/agent-payment';
import type { PayPayeeOutcome } from '../payments/pay-payee.usecase';
import { payeeRefusalMessage } from '../payees/payee-check';
import type { TerminalAnswer } from './terminal-request.repository';

/** What the terminal asked to pay, for the refusals' messages. */
export interface AskedPayment {
  readonly payeeId: string;
  readonly amount: bigint;
  readonly currency: string;
}

/** An answer and whether it is final (stored and replayed to a retry) or may still change (asked again on a retry). */
export interface TerminalPaymentAnswer {
  readonly answer: TerminalAnswer;
  readonly final: boolean;
}

const LIMITS = { payment: 'per-payment limit', daily: 'daily limit (UTC day)', credit: 'balance plus credit limit' } as const;

/** A payment as its terminal sees it: no ledger accounts, no commissions. */
export function terminalPaymentOf(payment: AgentPayment) {
  return {
    paymentId: payment.id,
    payeeId: payment.payeeId,
    amount: payment.amount.toString(),
    currency: payment.currency,
    account: payment.account,
    fee: (payment.transfers.find((t) => t.kind === 'fee')?.amount ?? 0n).toString(),
    status: payment.status === 'reserved' ? 'pending' : payment.status,
    ...(payment.refusalReason === null ? {} : { refusalReason: payment.refusalReason }),
    businessDay: payment.businessDay,
    createdAt: payment.createdAt.toISOString(),
    postedAt: payment.postedAt?.toISOString() ?? null,
  };
}

/** Nest's error body, with the refusal's `reason` for machines. */
export function refusalBody(status: number, reason: string, message: string): Record<string, unknown> {
  const error = status === 422 ? 'Unprocessable Entity' : status === 404 ? 'Not Found' : 'Bad Request';
  return { statusCode: status, error, reason, message };
}

const refused = (reason: string, message: string): TerminalPaymentAnswer => ({ answer: { status: 422, body: refusalBody(422, reason, message) }, final: true });

/**
 * The payment use case's outcome as the terminal's answer. Posted: 201. Refused by the payee's
 * gateway (the money back on the node): 201 with `outcome: refused` and the payee's reason. Pending
 * at the payee's gateway: 202, not final. A refusal before anything was held: 422 naming the field
 * and why, nothing posted. An outcome this version does not know (the use case may learn new
 * kinds, such as a payment still pending at the payee's gateway): with a payment, 202 with its
 * status and `outcome` naming the kind; without, a 422 whose `reason` is the kind. Neither is final:
 * a retry with the same Idempotency-Key asks the use case again.
 */
export function terminalPaymentAnswerOf(outcome: PayPayeeOutcome, asked: AskedPayment): TerminalPaymentAnswer {
  switch (outcome.kind) {
    case 'posted':
      return { answer: { status: 201, body: { outcome: 'posted', ...terminalPaymentOf(outcome.payment) } }, final: true };
    case 'returned':
      // The payee's gateway refused it: the held money is back on the node, for good.
      return { answer: { status: 201, body: { outcome: 'refused', ...terminalPaymentOf(outcome.payment) } }, final: true };
    case 'pending':
      // The payee's answer is not known yet: asked again by the service; a retry with the same key asks the use case again.
      return { answer: { status: 202, body: { outcome: 'pending', ...terminalPaymentOf(outcome.payment) } }, final: false };
    case 'blocked':
      return refused('blocked', `terminal: its node is blocked${outcome.blockedNodeId ? ` (by node ${outcome.blockedNodeId})` : ''}; no payment is taken`);
    case 'unknown_payee':
      return refused('unknown_payee', `payeeId: no payee ${asked.payeeId} in the catalogue`);
    case 'payee_refused':
      return refused(outcome.reason, payeeRefusalMessage(asked.payeeId, outcome, asked));
    case 'no_commission_plan':
      return refused('no_commission_plan', `payeeId: payee ${asked.payeeId} cannot be paid yet (no commission plan)`);
    case 'currency_mismatch':
      return refused('currency_mismatch', `currency: this terminal's node pays in ${outcome.nodeCurrency}, not ${asked.currency}`);
    case 'limit_exceeded': {
      const total = outcome.fee === undefined ? `${asked.amount}` : `${asked.amount} plus the payer's fee ${outcome.fee}`;
      return refused(`${outcome.limit}_limit`, `amount: ${total} exceeds the node's ${LIMITS[outcome.limit]}: ${outcome.available} available`);
    }
    case 'id_reused':
      return refused('id_reused', 'Idempotency-Key: the payment it names exists with another body');
    case 'not_found':
      return refused('node_not_found', 'terminal: its node no longer exists');
    default:
      return unknownOutcomeAnswer(outcome);
  }
}

function unknownOutcomeAnswer(outcome: { readonly kind: string; readonly payment?: AgentPayment }): TerminalPaymentAnswer {
  if (outcome.payment) return { answer: { status: 202, body: { outcome: outcome.kind, ...terminalPaymentOf(outcome.payment) } }, final: false };
  return { answer: { status: 422, body: refusalBody(422, outcome.kind, `payment: refused (${outcome.kind})`) }, final: false };
}
