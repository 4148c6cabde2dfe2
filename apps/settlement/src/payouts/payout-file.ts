import type { SettlementPayoutFileSent } from '@payments/contracts';

import type { MerchantPayout } from './merchant-payout.record';

/** A batch's pain.001: what fixes its bytes (message id, creation time, execution date, the payouts it orders), and how its delivery went. */
export interface PayoutFile {
  readonly id: string;
  readonly batchId: string;
  readonly acquirerId: string;
  readonly businessDay: string;
  readonly sequence: number;
  readonly messageId: string;
  readonly createdAt: Date;
  readonly initiatingParty: string;
  readonly requestedExecutionDate: string;
  readonly fileName: string;
  readonly transactionCount: number;
  readonly heldCount: number;
  readonly status: 'pending' | 'delivered' | 'failed';
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly lastError: string | null;
  readonly written: WrittenPayoutFile | null;
  readonly destination: string | null;
  readonly deliveredAt: Date | null;
}

export interface WrittenPayoutFile {
  readonly byteLength: number;
  readonly sha256: string;
}

/** The file's name and message id: `PAIN001_<yyyyMMdd>_<sequence:6>.xml` and `PAYOUT-<yyyyMMdd>-<sequence:6>` (unique, 22 of the 35 characters allowed). */
export function payoutFileNamesOf(businessDay: string, sequence: number): { fileName: string; messageId: string } {
  const day = businessDay.replaceAll('-', '');
  const number = String(sequence).padStart(6, '0');
  return { fileName: `PAIN001_${day}_${number}.xml`, messageId: `PAYOUT-${day}-${number}` };
}

/** What names a payout file wherever it is shown (its event, the operators' API). */
export function payoutFileIdentityOf(file: PayoutFile) {
  return {
    fileId: file.id,
    batchId: file.batchId,
    acquirerId: file.acquirerId,
    businessDay: file.businessDay,
    fileName: file.fileName,
    messageId: file.messageId,
    sequence: file.sequence,
    requestedExecutionDate: file.requestedExecutionDate,
  };
}

/** `settlement.payout-file.sent.v1`: ids, counts and totals per currency; no account numbers. */
export function payoutFileSentEventOf(
  file: PayoutFile,
  payouts: readonly MerchantPayout[],
  written: WrittenPayoutFile,
  destination: string,
  deliveredAt: Date,
): SettlementPayoutFileSent {
  const totals = new Map<string, { currency: string; count: number; amountMinor: bigint }>();
  for (const payout of payouts) {
    const total = totals.get(payout.currency) ?? { currency: payout.currency, count: 0, amountMinor: 0n };
    total.count += 1;
    total.amountMinor += payout.netMinor;
    totals.set(payout.currency, total);
  }
  return {
    ...payoutFileIdentityOf(file),
    totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)).map((t) => ({ ...t, amountMinor: t.amountMinor.toString() })),
    heldCount: file.heldCount,
    byteLength: written.byteLength,
    sha256: written.sha256,
    destination,
    deliveredAt: deliveredAt.toISOString(),
  };
}
