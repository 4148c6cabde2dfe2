/** One account in one currency over the range, as the entries sum it. Balances are debit minus credit. */
export interface AccountMovement {
  readonly account: string;
  readonly currency: string;
  /** Before the range's first day: debits minus credits (negative: a credit balance). */
  readonly openingMinor: bigint;
  readonly debitMinor: bigint;
  readonly creditMinor: bigint;
}

export interface TrialBalanceAccount extends AccountMovement {
  /** From the chart of accounts; null for an account the current chart no longer lists. */
  readonly name: string | null;
  /** openingMinor + debitMinor - creditMinor. */
  readonly closingMinor: bigint;
}

/** The check line of one currency: double entry holds when the debits equal the credits and the balances sum to zero. */
export interface TrialBalanceCheck {
  readonly currency: string;
  readonly openingMinor: bigint;
  readonly debitMinor: bigint;
  readonly creditMinor: bigint;
  readonly closingMinor: bigint;
  readonly balanced: boolean;
}

export interface TrialBalance {
  readonly accounts: readonly TrialBalanceAccount[];
  readonly checks: readonly TrialBalanceCheck[];
}

/** The trial balance of the movements (in account, then currency order), with a check line per currency. */
export function trialBalanceOf(movements: readonly AccountMovement[], nameOf: (account: string) => string | undefined): TrialBalance {
  const accounts = movements.map((m) => ({ ...m, name: nameOf(m.account) ?? null, closingMinor: m.openingMinor + m.debitMinor - m.creditMinor }));
  const byCurrency = new Map<string, Omit<TrialBalanceCheck, 'balanced'>>();
  for (const { currency, openingMinor, debitMinor, creditMinor, closingMinor } of accounts) {
    const sum = byCurrency.get(currency) ?? { currency, openingMinor: 0n, debitMinor: 0n, creditMinor: 0n, closingMinor: 0n };
    byCurrency.set(currency, {
      currency,
      openingMinor: sum.openingMinor + openingMinor,
      debitMinor: sum.debitMinor + debitMinor,
      creditMinor: sum.creditMinor + creditMinor,
      closingMinor: sum.closingMinor + closingMinor,
    });
  }
  const checks = [...byCurrency.values()]
    .sort((a, b) => a.currency.localeCompare(b.currency))
    .map((c) => ({ ...c, balanced: c.debitMinor === c.creditMinor && c.openingMinor === 0n && c.closingMinor === 0n }));
  return { accounts, checks };
}
