import { decideFollowUp } from './follow-up.rules';

const NOW = new Date('2026-11-30T10:00:00Z');
const purchase = {
  id: '00000000-0000-4000-8000-000000000001',
  operation: 'purchase',
  status: 'approved',
  amountMinor: 1000n,
  currency: 'EUR',
  returnedMinor: 0n,
  completedMinor: 0n,
  batchNumber: 3,
  expiresAt: null,
  panCiphertext: 'enc',
  hostSentAt: NOW,
};
const preauth = { ...purchase, operation: 'preauthorization', expiresAt: new Date('2026-12-07T10:00:00Z') };

describe('decideFollowUp', () => {
  it('cancels the whole remaining amount of a same-batch purchase by default', () => {
    expect(decideFollowUp({ operation: 'cancel' }, { ...purchase, returnedMinor: 400n }, 3, NOW)).toEqual({ ok: true, amountMinor: 600n });
  });

  it('refuses a cancel after close of day and says to refund', () => {
    const decision = decideFollowUp({ operation: 'cancel' }, purchase, 4, NOW);

    expect(decision).toEqual({ ok: false, responseCode: '12', reason: 'the original is in batch 3, closed by close of day: refund it instead' });
  });

  it('refuses a refund in the same batch and says to cancel', () => {
    expect(decideFollowUp({ operation: 'refund', amountMinor: '100' }, purchase, 3, NOW)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('cancel it instead'),
    });
  });

  it('allows partial refunds up to what is left and refuses one above it', () => {
    const partlyRefunded = { ...purchase, returnedMinor: 700n };

    expect(decideFollowUp({ operation: 'refund', amountMinor: '300' }, partlyRefunded, 4, NOW)).toEqual({ ok: true, amountMinor: 300n });
    expect(decideFollowUp({ operation: 'refund', amountMinor: '301' }, partlyRefunded, 4, NOW)).toEqual({
      ok: false,
      responseCode: '13',
      reason: 'amount: 301 is above what is left of the original (300)',
    });
  });

  it('refuses a second emergency cancel: the last operation is itself a cancel', () => {
    const decision = decideFollowUp({ operation: 'emergency_cancel' }, { ...purchase, operation: 'emergency_cancel' }, 3, NOW);

    expect(decision).toMatchObject({ ok: false, responseCode: '12', reason: expect.stringContaining('is itself a cancel') });
  });

  it('refuses an emergency cancel of a declined last operation and of nothing at all', () => {
    expect(decideFollowUp({ operation: 'emergency_cancel' }, { ...purchase, status: 'declined' }, 3, NOW)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('is declined, not approved'),
    });
    expect(decideFollowUp({ operation: 'emergency_cancel' }, null, 3, NOW)).toMatchObject({ ok: false, responseCode: '25' });
  });

  it('completes a preauthorization up to its amount, never above, never after it expired', () => {
    expect(decideFollowUp({ operation: 'completion', amountMinor: '800' }, preauth, 3, NOW)).toEqual({ ok: true, amountMinor: 800n });
    expect(decideFollowUp({ operation: 'completion', amountMinor: '1001' }, preauth, 3, NOW)).toMatchObject({
      ok: false,
      responseCode: '13',
      reason: 'amount: 1001 is above the preauthorized 1000',
    });
    expect(decideFollowUp({ operation: 'completion' }, { ...preauth, expiresAt: new Date('2026-11-30T09:59:59Z') }, 3, NOW)).toMatchObject({
      ok: false,
      responseCode: '54',
    });
    expect(decideFollowUp({ operation: 'completion' }, { ...preauth, completedMinor: 1000n }, 3, NOW)).toMatchObject({
      ok: false,
      reason: 'the preauthorization is already completed',
    });
  });

  it('refuses a completion of a purchase and a refund of a cash withdrawal', () => {
    expect(decideFollowUp({ operation: 'completion' }, purchase, 3, NOW)).toMatchObject({
      ok: false,
      reason: 'only a preauthorization can be completed, not a purchase',
    });
    expect(decideFollowUp({ operation: 'refund' }, { ...purchase, operation: 'cash_withdrawal' }, 4, NOW)).toMatchObject({
      ok: false,
      reason: 'a cash_withdrawal cannot be refunded',
    });
  });

  it('refuses another currency than the original', () => {
    expect(decideFollowUp({ operation: 'cancel', currency: 'USD' }, purchase, 3, NOW)).toMatchObject({
      ok: false,
      reason: "currency: USD differs from the original's EUR",
    });
  });
});
