import type { SettlementJournalFileSent } from '@payments/contracts';

import type { JournalTotals } from './journal-entry';

export type JournalFileStatus = 'pending' | 'delivered' | 'failed';

/** What one day's journal file in one currency is made from: enough to write it again byte for byte. */
export interface JournalFileRecipe {
  readonly id: string;
  readonly businessDay: string;
  readonly currency: string;
  readonly sequence: number;
  /** The acquirers whose postings of the day it lists. */
  readonly acquirers: readonly string[];
  readonly layout: string;
  readonly values: Readonly<Record<string, string>>;
  readonly fileName: string;
  readonly createdAt: Date;
}

/** What a written journal file held. */
export interface WrittenJournalFile extends JournalTotals {
  readonly byteLength: number;
  readonly sha256: string;
}

/** A journal file and how its delivery went. */
export interface JournalFile extends JournalFileRecipe {
  readonly status: JournalFileStatus;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly lastError: string | null;
  /** Known once delivered. */
  readonly written: WrittenJournalFile | null;
  readonly destination: string | null;
  readonly deliveredAt: Date | null;
}

export function journalFileSentEventOf(
  file: JournalFileRecipe,
  written: WrittenJournalFile,
  destination: string,
  deliveredAt: Date,
): SettlementJournalFileSent {
  return {
    fileId: file.id,
    businessDay: file.businessDay,
    currency: file.currency,
    acquirers: [...file.acquirers],
    layout: file.layout,
    fileName: file.fileName,
    sequence: file.sequence,
    entryCount: written.entryCount,
    debitMinor: written.debitMinor.toString(),
    creditMinor: written.creditMinor.toString(),
    byteLength: written.byteLength,
    sha256: written.sha256,
    destination,
    deliveredAt: deliveredAt.toISOString(),
  };
}
