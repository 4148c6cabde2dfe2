import { currencyTotalsOf, SettlementBatch } from './settlement-batch';

type Minor<T> = { [K in keyof T]: T[K] extends bigint ? string : T[K] };

/** A batch as the operators' API shows it: amounts as exact decimal text, totals per currency and per merchant, terminal and scheme. */
export interface SettlementBatchResponse {
  batchId: string;
  acquirerId: string;
  businessDay: string;
  closedAt: string;
  lineCount: number;
  lateLineCount: number;
  currencies: Minor<ReturnType<typeof currencyTotalsOf>[number]>[];
  totals: Minor<SettlementBatch['totals'][number]>[];
}

const asText = <T extends object>(row: T): Minor<T> =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v])) as Minor<T>;

export function batchResponseOf(batch: SettlementBatch): SettlementBatchResponse {
  return {
    batchId: batch.id,
    acquirerId: batch.acquirerId,
    businessDay: batch.businessDay,
    closedAt: batch.closedAt.toISOString(),
    lineCount: batch.lineCount,
    lateLineCount: batch.lateLineCount,
    currencies: currencyTotalsOf(batch.totals).map(asText),
    totals: batch.totals.map(asText),
  };
}
