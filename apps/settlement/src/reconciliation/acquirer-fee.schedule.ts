/** An acquirer's fee for one scheme: a rate in basis points of the amount (150 = 1.50 %) plus a fixed part. */
export interface FeeRate {
  readonly basisPoints: number;
  readonly fixedMinor: bigint;
}

/** One acquirer's rate for a scheme (`*`: any scheme without its own), as a query takes it. */
export interface AcquirerRate extends FeeRate {
  readonly scheme: string;
}

/** Fee rates per acquirer and scheme (`*`: any scheme without its own), as configured. */
export type FeeRates = Readonly<Record<string, Readonly<Record<string, FeeRate>>>>;

/**
 * The fee each acquirer is expected to charge, as data. An acquirer without rates has no expected
 * fee: what it reports is kept, never a break. The rate's part is rounded half up to the minor unit.
 */
export class AcquirerFeeSchedule {
  constructor(private readonly rates: FeeRates = {}) {}

  /** Every rate as a row (acquirer, scheme or `*`), for a query that applies them set-based as expectedFee does. */
  rows(): { acquirerId: string; scheme: string; basisPoints: number; fixedMinor: bigint }[] {
    return Object.entries(this.rates).flatMap(([acquirerId, own]) => Object.entries(own).map(([scheme, rate]) => ({ acquirerId, scheme, ...rate })));
  }

  /** One acquirer's rates as rows, for a query that applies them set-based as expectedFee does (none: no fee). */
  ratesOf(acquirerId: string): AcquirerRate[] {
    return Object.entries(this.rates[acquirerId] ?? {}).map(([scheme, rate]) => ({ scheme, ...rate }));
  }

  /** Undefined when no rate applies (no fee check for this line). */
  expectedFee(acquirerId: string, scheme: string | null, amountMinor: bigint): bigint | undefined {
    const own = this.rates[acquirerId];
    const rate = own?.[scheme ?? ''] ?? own?.['*'];
    if (!rate) return undefined;
    return (amountMinor * BigInt(rate.basisPoints) + 5_000n) / 10_000n + rate.fixedMinor;
  }
}
