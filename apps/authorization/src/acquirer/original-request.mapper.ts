import { currencyByAlpha } from '@payments/money';

import type { Transaction } from '../generated/prisma/client';
import type { OriginalRequest } from './host-request.builder';

/** A journal row as the host knows it, for the 0400/0420 or 0220 that names it; null when it never reached the host. */
export function originalRequestOf(row: Transaction, pan: string): OriginalRequest | null {
  if (!row.stan || !row.rrn || !row.hostSentAt || !row.hostMti || !row.processingCode) return null;
  return {
    mti: row.hostMti,
    processingCode: row.processingCode,
    stan: row.stan,
    rrn: row.rrn,
    sentAt: row.hostSentAt,
    amountMinor: row.amountMinor,
    currencyNumeric: currencyByAlpha(row.currency).numeric,
    terminalId: row.terminalId,
    merchantId: row.merchantId,
    pan,
    approvalCode: row.approvalCode ?? undefined,
  };
}
