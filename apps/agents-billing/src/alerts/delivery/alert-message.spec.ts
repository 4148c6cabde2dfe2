import type { Alert } from '../alert';
import { retryDelayMs } from './alert-delivery';
import { alertEmail, alertPayload } from './alert-message';
import { webhookSignature } from './alert-senders';
import { redactText } from './message-redaction';

const at = new Date('2026-12-07T10:00:00Z');
const alert = (over: Partial<Alert>): Alert => ({
  id: 'a-1',
  kind: 'voucher-stock-low',
  subjectId: 'acme/500',
  nodeId: null,
  summary: 'acme 500 vouchers: 3 left',
  facts: { left: 3 },
  raisedAt: at,
  lastSeenAt: at,
  timesSeen: 4,
  resolvedAt: null,
  ...over,
});

describe('alert messages', () => {
  it('never carry a card number, a full phone number or a secret-named fact (voucher code, PIN, account)', () => {
    const leaky = alert({
      subjectId: '+420777123456',
      summary: 'payer +420777123456 paid with 4111 1111 1111 1111 (order 1234567890123)',
      facts: { voucherCode: 'ABCD-EFGH-1234', pin: '1234', payerAccount: '+420777123456', amount: '2500', note: 'card 4111111111111111' },
    });
    const email = alertEmail(leaky, 'raised', 'd-1', at);
    const body = JSON.stringify(alertPayload(leaky, 'raised', 'd-1', at));
    for (const text of [email.subject, email.text, body]) {
      expect(text).not.toMatch(/4111 ?1111 ?1111 ?1111|777123456|ABCD-EFGH|pin/);
      expect(text).toContain('****1111');
      expect(text).toContain('+****3456');
    }
    expect(email.text).toContain('order 1234567890123');
    expect(email.text).toContain('amount: 2500');
  });

  it('say raised or resolved, with the figures, and the webhook body names the delivery and event', () => {
    const email = alertEmail(alert({ resolvedAt: new Date('2026-12-07T11:00:00Z') }), 'resolved', 'd-2', at);
    expect(email.subject).toBe('[alert] voucher-stock-low resolved: acme 500 vouchers: 3 left');
    expect(email.text).toContain('resolved at: 2026-12-07T11:00:00.000Z\nleft: 3\n');
    expect(alertPayload(alert({}), 'raised', 'd-3', at)).toMatchObject({
      deliveryId: 'd-3',
      event: 'raised',
      sentAt: at.toISOString(),
      alert: { timesSeen: 4 },
    });
  });

  it('mask only Luhn-valid card-length numbers and +phone numbers', () => {
    expect(redactText('ref 4111111111111112, +42077')).toBe('ref 4111111111111112, +42077');
  });
});

describe('webhook signature and retries', () => {
  it('signs the raw body with HMAC-SHA256 under the secret (RFC 4231 test case 2)', () => {
    expect(webhookSignature('Jefe', 'what do ya want for nothing?')).toBe('sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('doubles the wait after each failed attempt, at most an hour', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 30_000))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20, 30_000)).toBe(3_600_000);
  });
});
