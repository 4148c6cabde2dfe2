import type { TransferLineOutcome } from '@payments/contracts';

import type { AcquirerTransferFile } from './acquirer-transfer-file';
import type { TransferCredits } from './funding-status';

/** Counts and sums of one outcome; amounts signed, a credit to the card negative. */
export interface TransferOutcomeTotal {
  readonly outcome: TransferLineOutcome;
  readonly count: number;
  readonly ourAmountMinor: bigint;
  readonly theirGrossMinor: bigint;
  readonly theirFeeMinor: bigint;
}

/** A line of the transfer that is a break (every outcome but paid), with both sides. */
export interface TransferBreak {
  readonly lineNo: number;
  readonly outcome: Exclude<TransferLineOutcome, 'paid'>;
  readonly terminalId: string;
  readonly rrn: string;
  readonly direction: 'debit' | 'credit';
  readonly ourTransactionId: string | null;
  readonly ourEvent: string | null;
  readonly ourAmountMinor: bigint | null;
  readonly theirGrossMinor: bigint;
  readonly theirFeeMinor: bigint;
  /** Our amount minus their gross: positive when short, negative when over; null when we have no line. */
  readonly differenceMinor: bigint | null;
}

/** An imported transfer file, its outcomes, and what the bank statements credited under its reference. */
export interface AcquirerTransferRecord extends Omit<AcquirerTransferFile, 'lines'> {
  readonly id: string;
  readonly lineCount: number;
  readonly fileName: string | null;
  readonly layout: string;
  readonly importedAt: Date;
  readonly breakCount: number;
  readonly totals: readonly TransferOutcomeTotal[];
  /** The first breaks in line order (at most BREAKS_SHOWN; breakCount says how many there are). */
  readonly breaks: readonly TransferBreak[];
  readonly credits: TransferCredits & { readonly statementIds: readonly string[] };
}

export const BREAKS_SHOWN = 500;

/** Another file was already imported for the same transfer reference. */
export class TransferAlreadyImportedError extends Error {
  constructor(readonly earlierTransferId: string) {
    super(`transfer already imported by import ${earlierTransferId}`);
    this.name = 'TransferAlreadyImportedError';
  }
}
