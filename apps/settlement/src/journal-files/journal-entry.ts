/** A posting entry of the day as the journal query reads it (amount as decimal text: bigint without loss). */
export interface JournalEntryRow extends Record<string, unknown> {
  readonly posting_id: string;
  readonly batch_id: string;
  readonly acquirer_id: string;
  readonly side: 'debit' | 'credit';
  readonly account: string;
  readonly currency: string;
  readonly amount_minor: string;
  readonly debit_account: string;
  readonly credit_account: string;
  readonly line_count: number;
}

/** The values a detail record of a journal-entry layout takes, under each field's key. */
export interface JournalDetail {
  /** The business day the entry is booked on. */
  readonly entryDate: string;
  readonly account: string;
  readonly debitCredit: 'D' | 'C';
  /** Minor units, never negative: the side says which way. */
  readonly amountMinor: bigint;
  /** ISO 4217 alphabetic code. */
  readonly currency: string;
  /** The posting's id: the posting API (`/batches/{batchId}/postings`) shows it with its sources. */
  readonly reference: string;
  readonly batchId: string;
  readonly narrative: string;
}

/** What one day's file in one currency adds up to: the trailer's figures. */
export interface JournalTotals {
  readonly entryCount: number;
  readonly debitMinor: bigint;
  readonly creditMinor: bigint;
}

/** A day's entries in one currency as the database gives them: their count and sums first (one aggregate), then the entries in file order. */
export interface JournalEntrySource {
  readonly totals: JournalTotals;
  readonly entries: AsyncIterable<JournalEntryRow> | Iterable<JournalEntryRow>;
}

/** A day whose entries in a currency do not balance: no file is written, nothing delivered. */
export class UnbalancedJournalError extends Error {
  override readonly name = 'UnbalancedJournalError';

  constructor(businessDay: string, currency: string, totals: JournalTotals) {
    super(
      `journal of ${businessDay} in ${currency} does not balance: debits ${totals.debitMinor}, credits ${totals.creditMinor} ` +
        `(${totals.entryCount} entries); no file written`,
    );
  }
}

/** One posting entry as a journal line: the day as entry date, D or C, the posting as reference and a narrative naming both accounts. */
export function journalDetailOf(row: JournalEntryRow, businessDay: string): JournalDetail {
  return {
    entryDate: businessDay,
    account: row.account,
    debitCredit: row.side === 'debit' ? 'D' : 'C',
    amountMinor: BigInt(row.amount_minor),
    currency: row.currency.trim(),
    reference: row.posting_id,
    batchId: row.batch_id,
    narrative: `settlement ${row.acquirer_id} ${businessDay} DR ${row.debit_account} CR ${row.credit_account} ${row.line_count} lines`,
  };
}

/** Refuses (throws UnbalancedJournalError) a day whose debits differ from its credits in the file's currency. */
export function assertBalancedJournal(businessDay: string, currency: string, totals: JournalTotals): void {
  if (totals.debitMinor !== totals.creditMinor) throw new UnbalancedJournalError(businessDay, currency, totals);
}

/** The running count and sums of a day's entries in `currency` as they are written; refuses (throws) an entry in another currency. */
export class JournalTotalsAccumulator {
  private entryCount = 0;
  private debitMinor = 0n;
  private creditMinor = 0n;

  constructor(
    private readonly businessDay: string,
    private readonly currency: string,
  ) {}

  add(detail: JournalDetail): void {
    if (detail.currency !== this.currency)
      throw new Error(`journal of ${this.businessDay} in ${this.currency}: entry ${detail.reference} is in ${detail.currency}`);
    this.entryCount += 1;
    if (detail.debitCredit === 'D') this.debitMinor += detail.amountMinor;
    else this.creditMinor += detail.amountMinor;
  }

  get totals(): JournalTotals {
    return { entryCount: this.entryCount, debitMinor: this.debitMinor, creditMinor: this.creditMinor };
  }
}
