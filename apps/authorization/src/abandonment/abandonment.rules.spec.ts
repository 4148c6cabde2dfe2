import { AbandonedRow, decideAbandonment } from './abandonment.rules';

const purchase: AbandonedRow = { operation: 'purchase', status: 'approved', terminalId: 'DEMO0007', returnedMinor: 0n, completedMinor: 0n };

describe('decideAbandonment', () => {
  it.each(['purchase', 'cash_withdrawal', 'top_up', 'preauthorization', 'completion', 'refund'])(
    'reverses an approved %s its register gave up on',
    (operation) => {
      expect(decideAbandonment({ ...purchase, operation }, 'DEMO0007')).toEqual({ kind: 'reverse' });
    },
  );

  it.each(['cancel', 'emergency_cancel'])('lets an approved %s stand: it is itself a reversal', (operation) => {
    expect(decideAbandonment({ ...purchase, operation }, 'DEMO0007')).toEqual({
      kind: 'stands',
      why: `a ${operation} is not reversed when its register gives up`,
    });
  });

  it.each(['balance_inquiry', 'card_data'])('has nothing to reverse for a %s', (operation) => {
    expect(decideAbandonment({ ...purchase, operation }, 'DEMO0007')).toMatchObject({ kind: 'stands' });
  });

  it('waits for the outcome of a transaction still pending, or not journaled yet', () => {
    expect(decideAbandonment({ ...purchase, status: 'pending' }, 'DEMO0007')).toEqual({ kind: 'await_outcome', why: 'still pending' });
    expect(decideAbandonment(null, 'DEMO0007')).toMatchObject({ kind: 'await_outcome', why: expect.stringContaining('not journaled yet') });
  });

  it.each(['declined', 'failed', 'rejected', 'unknown', 'reversed', 'cancelled', 'completed'])('does nothing to a transaction already %s', (status) => {
    expect(decideAbandonment({ ...purchase, status }, 'DEMO0007')).toEqual({ kind: 'stands', why: `already ${status}: nothing to reverse` });
  });

  it('does not reverse an approval a follow-up already took part of: the register knew it', () => {
    expect(decideAbandonment({ ...purchase, returnedMinor: 100n }, 'DEMO0007')).toMatchObject({ kind: 'stands' });
    expect(decideAbandonment({ ...purchase, operation: 'preauthorization', completedMinor: 500n }, 'DEMO0007')).toMatchObject({ kind: 'stands' });
  });

  it("ignores a report naming another terminal's transaction", () => {
    expect(decideAbandonment(purchase, 'DEMO0001')).toEqual({ kind: 'ignore', why: 'the transaction belongs to terminal DEMO0007' });
  });
});
