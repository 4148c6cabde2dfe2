import type { BatchTotals } from '@payments/contracts';
import type { Iso8583Message } from '@payments/iso8583';

import { transmissionDateTime } from '../host-link/transaction-time';

const n = (value: number | string, width: number): string => String(value).padStart(width, '0');

/**
 * Close of day: a 0500 acquirer reconciliation request with the batch's totals of one currency
 * (ISO 8583:1987 DE 74 credits number, 76 debits number, 77 debit reversals number, 86/88/89
 * the amounts, 97 net settlement amount with its C/D sign, 50 settlement currency). The host
 * answers 0510 with DE 39 00 when its totals agree, 95 when they do not.
 */
export function buildReconciliationRequest(
  totals: BatchTotals,
  currencyNumeric: string,
  ref: { stan: string; terminalId: string; merchantId: string; batchNumber: number },
  at: Date,
): Iso8583Message {
  const net = BigInt(totals.debitAmountMinor) - BigInt(totals.debitReversalAmountMinor) - BigInt(totals.creditAmountMinor);
  return {
    mti: '0500',
    fields: {
      7: transmissionDateTime(at),
      11: ref.stan,
      15: transmissionDateTime(at).slice(0, 4),
      41: ref.terminalId.padEnd(8, ' '),
      42: ref.merchantId.padEnd(15, ' '),
      50: currencyNumeric,
      74: n(totals.creditCount, 10),
      76: n(totals.debitCount, 10),
      77: n(totals.debitReversalCount, 10),
      86: n(totals.creditAmountMinor, 16),
      88: n(totals.debitAmountMinor, 16),
      89: n(totals.debitReversalAmountMinor, 16),
      97: `${net < 0n ? 'D' : 'C'}${n((net < 0n ? -net : net).toString(), 16)}`,
      // Batch number, for the host's records (private use DE 60 in many acquirer dialects).
      60: n(ref.batchNumber, 6),
    },
  };
}
