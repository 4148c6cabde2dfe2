import { SettlementDayClosed } from '@payments/contracts';

import { AmountsAsText, amountsAsText } from '../http/amounts-as-text';
import { dayClosedEventOf, SettlementBatch } from './settlement-batch';

/** A batch as the operators' API shows it: amounts as exact decimal text, totals per currency and per merchant, terminal and scheme. */
export type SettlementBatchResponse = Omit<SettlementDayClosed, 'totals'> & {
  currencies: SettlementDayClosed['totals'];
  totals: AmountsAsText<SettlementBatch['totals'][number]>[];
};

/** What the day-closed event says (its per-currency totals as `currencies`), and the totals per merchant, terminal and scheme. */
export function batchResponseOf(batch: SettlementBatch): SettlementBatchResponse {
  const { totals: currencies, ...batchHead } = dayClosedEventOf(batch);
  return { ...batchHead, currencies, totals: batch.totals.map(amountsAsText) };
}
