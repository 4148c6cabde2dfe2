import type { AgentPayment } from '../payments/agent-payment';
import type { PayPayeeOutcome } from '../payments/pay-payee.usecase';
import { terminalPaymentAnswerOf } from './terminal-payment.answer';
import { terminalPaymentIdOf } from './terminal-payment.usecase';

const asked = { payeeId: 'demo-mobile-topup', amount: 2_500n, currency: 'EUR' };
const payment: AgentPayment = {
  id: terminalPaymentIdOf('kiosk-1', 'receipt-0001'),
  nodeId: '00000000-0000-4000-8000-00000000a001',
  payeeId: 'demo-mobile-topup',
  amount: 2_500n,
  currency: 'EUR',
  account: '+420777123456',
  businessDay: '2026-12-07',
  status: 'reserved',
  transfers: [],
  createdAt: new Date('2026-12-07T12:00:00Z'),
  postedAt: null,
  viaGateway: true,
  refusalReason: null,
  refusedAt: null,
  gatewayAttempts: 0,
  gatewayUnknownCause: null,
};
/** An outcome kind this version of the terminal API does not know (the payment use case may add some). */
const unknown = (outcome: Record<string, unknown>) => terminalPaymentAnswerOf(outcome as unknown as PayPayeeOutcome, asked);

describe('a terminal payment answer', () => {
  it('names each known refusal in a final 422, with the field first', () => {
    expect(terminalPaymentAnswerOf({ kind: 'limit_exceeded', limit: 'daily', available: 1_000n }, asked)).toEqual({
      answer: {
        status: 422,
        body: {
          statusCode: 422,
          error: 'Unprocessable Entity',
          reason: 'daily_limit',
          message: "amount: 2500 exceeds the node's daily limit (UTC day): 1000 available",
        },
      },
      final: true,
    });
    expect(terminalPaymentAnswerOf({ kind: 'currency_mismatch', nodeCurrency: 'CZK' }, asked).answer.body.message).toBe(
      "currency: this terminal's node pays in CZK, not EUR",
    );
  });

  it('answers a payment pending at the payee gateway with 202 and its status, not stored as final (a retry asks again)', () => {
    expect(terminalPaymentAnswerOf({ kind: 'pending', payment }, asked)).toEqual({
      answer: { status: 202, body: expect.objectContaining({ outcome: 'pending', paymentId: payment.id, status: 'pending', amount: '2500' }) },
      final: false,
    });
  });

  it("answers a payment the payee's gateway refused as final: outcome refused, the payee's reason, the money back", () => {
    const returned = { ...payment, status: 'refused' as const, refusalReason: 'account closed', refusedAt: new Date('2026-12-07T12:00:01Z') };
    expect(terminalPaymentAnswerOf({ kind: 'returned', payment: returned }, asked)).toEqual({
      answer: { status: 201, body: expect.objectContaining({ outcome: 'refused', status: 'refused', refusalReason: 'account closed' }) },
      final: true,
    });
  });

  it('answers an unknown outcome that carries a payment with 202, its kind and the payment, not stored as final', () => {
    expect(unknown({ kind: 'queued', payment })).toEqual({
      answer: { status: 202, body: expect.objectContaining({ outcome: 'queued', paymentId: payment.id, status: 'pending', amount: '2500' }) },
      final: false,
    });
  });

  it('answers an unknown outcome without a payment with a 422 whose reason is its kind, not stored as final', () => {
    expect(unknown({ kind: 'payee_declined' })).toEqual({
      answer: { status: 422, body: { statusCode: 422, error: 'Unprocessable Entity', reason: 'payee_declined', message: 'payment: refused (payee_declined)' } },
      final: false,
    });
  });

  it('gives a terminal and key one payment id, a UUID, another for another key or terminal', () => {
    expect(terminalPaymentIdOf('kiosk-1', 'receipt-0001')).toBe(payment.id);
    expect(payment.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(terminalPaymentIdOf('kiosk-1', 'receipt-0002')).not.toBe(payment.id);
    expect(terminalPaymentIdOf('kiosk-2', 'receipt-0001')).not.toBe(payment.id);
  });
});
