import type { BatchTotals } from '@payments/contracts';

import { isCancelOperation, profileOf } from '../operations/operation-profile';

/** A journal row as the totals need it; `originalOperation` for cancels. */
export interface TotalsRow {
  operation: string;
  status: string;
  amountMinor: bigint;
  currency: string;
  originalOperation?: string;
}

/** An operation that stood: approved then, whatever happened to it later (cancelled, refunded, completed). */
const STOOD = new Set(['approved', 'cancelled', 'refunded', 'completed', 'expired']);

interface Sums {
  debitCount: number;
  debitAmount: bigint;
  creditCount: number;
  creditAmount: bigint;
  reversalCount: number;
  reversalAmount: bigint;
}

/**
 * A batch's totals per currency as the 0500 reports them: debits (purchase, cash, completion),
 * credits (refund, top-up) and debit reversals (cancels of debits). A cancel of a credit lowers
 * the credits it took back. Preauthorizations, balances and card reads move no money.
 */
export function batchTotalsOf(rows: readonly TotalsRow[]): BatchTotals[] {
  const byCurrency = new Map<string, Sums>();
  const sums = (currency: string): Sums => {
    let s = byCurrency.get(currency);
    if (!s) byCurrency.set(currency, (s = { debitCount: 0, debitAmount: 0n, creditCount: 0, creditAmount: 0n, reversalCount: 0, reversalAmount: 0n }));
    return s;
  };
  for (const row of rows) {
    if (!STOOD.has(row.status)) continue;
    const s = sums(row.currency);
    if (isCancelOperation(row.operation)) {
      const money = row.originalOperation ? profileOf(row.originalOperation).money : 'none';
      if (money === 'debit') {
        s.reversalCount += 1;
        s.reversalAmount += row.amountMinor;
      } else if (money === 'credit') {
        s.creditCount -= 1;
        s.creditAmount -= row.amountMinor;
      }
      continue;
    }
    const money = profileOf(row.operation).money;
    if (money === 'debit') {
      s.debitCount += 1;
      s.debitAmount += row.amountMinor;
    } else if (money === 'credit') {
      s.creditCount += 1;
      s.creditAmount += row.amountMinor;
    }
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, s]) => ({
      currency,
      debitCount: s.debitCount,
      debitAmountMinor: s.debitAmount.toString(),
      creditCount: Math.max(s.creditCount, 0),
      creditAmountMinor: (s.creditAmount < 0n ? 0n : s.creditAmount).toString(),
      debitReversalCount: s.reversalCount,
      debitReversalAmountMinor: s.reversalAmount.toString(),
    }));
}
