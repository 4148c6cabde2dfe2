import { dayBounds, daysBetween, isClosedDay, nextDay } from './settlement';
import { movementKindOf, statementSectionOf, UnbalancedStatementError } from './statement';

const ACCOUNT = '3f1c2a9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b';

describe('a statement section', () => {
  it("adds credits and subtracts debits per movement kind, every kind of the account's role shown", () => {
    const section = statementSectionOf({
      role: 'node',
      accountId: ACCOUNT,
      opening: 1_000n,
      totals: [
        { side: 'credit', counterpartyKind: 'dealer', amount: 50_000n },
        { side: 'debit', counterpartyKind: 'sub_agent', amount: 7_000n },
        { side: 'debit', counterpartyKind: 'payee_clearing', amount: 12_500n },
        { side: 'debit', counterpartyKind: 'fee_income', amount: 125n },
        { side: 'credit', counterpartyKind: 'commission', amount: 40n },
      ],
      closing: 31_415n,
    });

    expect(section.movements).toEqual({
      fundingsReceived: 50_000n,
      fundingsGiven: -7_000n,
      payments: -12_500n,
      fees: -125n,
      settlementsReceived: 40n,
      other: 0n,
    });
  });

  it('puts what it does not know under other, so the section still adds up', () => {
    const section = statementSectionOf({
      role: 'commission',
      accountId: ACCOUNT,
      opening: 300n,
      totals: [
        { side: 'credit', counterpartyKind: 'commission_expense', amount: 90n },
        { side: 'debit', counterpartyKind: 'agent', amount: 300n },
        { side: 'credit', counterpartyKind: 'voucher_stock', amount: 5n },
      ],
      closing: 95n,
    });

    expect(section.movements).toEqual({ commissionsEarned: 90n, settlementsPaid: -300n, other: 5n });
  });

  it('refuses a section whose opening plus movements is not the closing balance, naming the account and the sums', () => {
    const unbalanced = () =>
      statementSectionOf({
        role: 'node',
        accountId: ACCOUNT,
        opening: 100n,
        totals: [{ side: 'debit', counterpartyKind: 'payee_clearing', amount: 30n }],
        closing: 71n,
      });

    expect(unbalanced).toThrow(UnbalancedStatementError);
    expect(unbalanced).toThrow(`statement of node account ${ACCOUNT} does not balance: opening 100 + movements -30 != closing 71`);
  });

  it('keeps exact sums past 2^53', () => {
    const big = 2n ** 60n + 1n;
    const section = statementSectionOf({
      role: 'commission',
      accountId: ACCOUNT,
      opening: big,
      totals: [{ side: 'credit', counterpartyKind: 'commission_expense', amount: big }],
      closing: 2n * big,
    });
    expect(section.closing - section.opening).toBe(big);
  });

  it('tells a funding from a settlement by the account on the other side', () => {
    expect(movementKindOf('node', { side: 'credit', counterpartyKind: 'agent' })).toBe('fundingsReceived');
    expect(movementKindOf('node', { side: 'credit', counterpartyKind: 'commission' })).toBe('settlementsReceived');
    expect(movementKindOf('commission', { side: 'debit', counterpartyKind: 'dealer' })).toBe('settlementsPaid');
    expect(movementKindOf('node', { side: 'credit', counterpartyKind: 'payee_clearing' })).toBe('other');
  });
});

describe('netting days', () => {
  it('closes a UTC day five minutes after its end', () => {
    expect(isClosedDay('2026-12-07', new Date('2026-12-08T00:04:59.999Z'))).toBe(false);
    expect(isClosedDay('2026-12-07', new Date('2026-12-08T00:05:00.000Z'))).toBe(true);
  });

  it('counts days across a month and a leap day', () => {
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(3);
    expect(dayBounds('2026-12-07')).toEqual({ start: new Date('2026-12-07T00:00:00.000Z'), end: new Date('2026-12-08T00:00:00.000Z') });
  });
});
