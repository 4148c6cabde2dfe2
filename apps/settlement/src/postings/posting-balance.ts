/** The debit and credit entries of one business day in one currency, summed. */
export interface DayCurrencySums {
  readonly businessDay: string;
  readonly currency: string;
  readonly debitMinor: bigint;
  readonly creditMinor: bigint;
}

/** Entries of a day and currency whose debits and credits differ: the close is rolled back. */
export class UnbalancedPostingsError extends Error {
  constructor(readonly days: readonly DayCurrencySums[]) {
    super(
      `postings do not balance: ${days
        .map((d) => `${d.businessDay} ${d.currency} debits ${d.debitMinor} != credits ${d.creditMinor} (minor units)`)
        .join('; ')}`,
    );
    this.name = 'UnbalancedPostingsError';
  }
}

/** Double entry: per business day and currency, the debits equal the credits. Throws naming each that does not. */
export function assertBalanced(sums: readonly DayCurrencySums[]): void {
  const unbalanced = sums.filter((s) => s.debitMinor !== s.creditMinor);
  if (unbalanced.length > 0) throw new UnbalancedPostingsError(unbalanced);
}
