import { SettlementDayClosed } from '@payments/contracts';

import { dayClosedEventOf, SettlementBatch } from './settlement-batch';

type Minor<T> = { [K in keyof T]: T[K] extends bigint ? string : T[K] };

/** A batch as the operators' API shows it: amounts as exact decimal text, totals per currency and per merchant, terminal and scheme. */
export type SettlementBatchResponse = Omit<SettlementDayClosed, 'totals'> & {
  currencies: SettlementDayClosed['totals'];
  totals: Minor<SettlementBatch['totals'][number]>[];
};

const asText = <T extends object>(row: T): Minor<T> =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v])) as Minor<T>;

/** What the day-closed event says (its per-currency totals as `currencies`), and the totals per merchant, terminal and scheme. */
export function batchResponseOf(batch: SettlementBatch): SettlementBatchResponse {
  const { totals: currencies, ...batchHead } = dayClosedEventOf(batch);
  return { ...batchHead, currencies, totals: batch.totals.map(asText) };
}
