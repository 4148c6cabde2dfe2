import { SettlementDayClosed } from '@payments/contracts';

/** A batch's total for one merchant, terminal, card scheme and currency. */
export interface BatchTotal {
  readonly merchantId: string;
  readonly terminalId: string;
  readonly scheme: string;
  readonly currency: string;
  readonly lineCount: number;
  readonly debitMinor: bigint;
  readonly creditMinor: bigint;
  /** debitMinor - creditMinor: owed to the merchant (negative: owed back by it). */
  readonly netMinor: bigint;
}

export type CurrencyTotal = Omit<BatchTotal, 'merchantId' | 'terminalId' | 'scheme'>;

/** An acquirer's closed business day: its lines frozen, with their totals. */
export interface SettlementBatch {
  readonly id: string;
  readonly acquirerId: string;
  readonly businessDay: string;
  readonly closedAt: Date;
  readonly lineCount: number;
  readonly lateLineCount: number;
  readonly totals: readonly BatchTotal[];
}

/** The batch's totals summed per currency (never across currencies), in currency order. */
export function currencyTotalsOf(totals: readonly BatchTotal[]): CurrencyTotal[] {
  const byCurrency = new Map<string, CurrencyTotal>();
  for (const { currency, lineCount, debitMinor, creditMinor, netMinor } of totals) {
    const sum = byCurrency.get(currency) ?? { currency, lineCount: 0, debitMinor: 0n, creditMinor: 0n, netMinor: 0n };
    byCurrency.set(currency, {
      currency,
      lineCount: sum.lineCount + lineCount,
      debitMinor: sum.debitMinor + debitMinor,
      creditMinor: sum.creditMinor + creditMinor,
      netMinor: sum.netMinor + netMinor,
    });
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/** `settlement.day.closed.v1` of a batch: amounts as exact decimal text. */
export function dayClosedEventOf(batch: SettlementBatch): SettlementDayClosed {
  return {
    batchId: batch.id,
    acquirerId: batch.acquirerId,
    businessDay: batch.businessDay,
    closedAt: batch.closedAt.toISOString(),
    lineCount: batch.lineCount,
    lateLineCount: batch.lateLineCount,
    totals: currencyTotalsOf(batch.totals).map((t) => ({
      currency: t.currency,
      lineCount: t.lineCount,
      debitMinor: t.debitMinor.toString(),
      creditMinor: t.creditMinor.toString(),
      netMinor: t.netMinor.toString(),
    })),
  };
}
