/** The formats this library reads. pain.001 is a payment order, not a statement: it is refused by name. */
export const STATEMENT_FORMATS = ['camt053', 'camt054', 'mt940'] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];

export type EntryDirection = 'credit' | 'debit';

/** camt `Sts` (BOOK / PDNG / INFO). Only booked entries move the booked balance; MT940 entries are booked. */
export type EntryStatus = 'booked' | 'pending' | 'info';

/**
 * A balance in integer minor units of its own currency (bigint: CONVENTIONS rule 7, never a float).
 * Credit balances are positive, debit (overdrawn) balances negative.
 */
export interface StatementBalance {
  readonly amountMinor: bigint;
  readonly currency: string;
  /** ISO date YYYY-MM-DD. */
  readonly date: string;
}

export interface StatementEntry {
  /** Always positive; the sign is in `direction`. */
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly direction: EntryDirection;
  readonly status: EntryStatus;
  /** camt RvslInd / MT940 RC-RD mark: the entry reverses an earlier one (its direction is still the one booked). */
  readonly reversal: boolean;
  /** ISO date; MT940 without an entry date: the value date. */
  readonly bookingDate: string;
  /** ISO date, or null where the bank gives none (camt.054 notifications may omit it). */
  readonly valueDate: string | null;
  /** End-to-end id, else the account servicer's reference, else the entry reference; MT940: the :61: reference. */
  readonly reference: string | null;
  /** Unstructured remittance lines or structured creditor references (camt); the :86: text (MT940). */
  readonly remittanceInfo: string | null;
}

/** Where a statement sits in its account's series: camt ElctrncSeqNb (else LglSeqNb), MT940 :28C: statement/page. */
export interface StatementSequence {
  readonly number: number;
  readonly page: number | null;
}

/**
 * The totals a camt statement declares about its own entries (TxsSummry), each where the bank
 * gives it: counts, and sums in minor units of the statement's currency (net signed, credit positive).
 */
export interface DeclaredSummary {
  readonly entryCount?: number;
  readonly grossMinor?: bigint;
  readonly netMinor?: bigint;
  readonly creditCount?: number;
  readonly creditMinor?: bigint;
  readonly debitCount?: number;
  readonly debitMinor?: bigint;
}

export type IssueSeverity = 'error' | 'warning';

export type IssueCode =
  | 'unbalanced'
  | 'currency-mismatch'
  | 'withdrawn-currency'
  | 'value-dated-entries'
  | 'entries-not-booked'
  | 'duplicate-statement'
  | 'sequence-gap'
  | 'unexpected-account'
  | 'unexpected-currency'
  | 'summary-mismatch';

/** A finding about a parsed statement. An `error` means nothing of it may be booked. */
export interface StatementIssue {
  readonly code: IssueCode;
  readonly severity: IssueSeverity;
  readonly message: string;
}

export interface BankStatement {
  readonly format: StatementFormat;
  /** camt Stmt/Ntfctn Id; MT940 :20: transaction reference number. */
  readonly id: string;
  /** IBAN, else the bank's account id (camt Othr/Id, MT940 :25:). */
  readonly account: string;
  readonly currency: string;
  readonly sequence: StatementSequence | null;
  /** Booked (or, under the available-balances profile, available) balances; null for camt.054, which has none. */
  readonly opening: StatementBalance | null;
  readonly closing: StatementBalance | null;
  /** camt FWAV / MT940 :65: when present: what the value-dated profile checks the entries against. */
  readonly forwardAvailable: StatementBalance | null;
  readonly entries: readonly StatementEntry[];
  /** camt TxsSummry, checked against the entries; null where the file has none (always for MT940). */
  readonly declaredSummary: DeclaredSummary | null;
  /**
   * opening + signed booked entries = closing (under the profile asked for); null where it does not
   * apply (a camt.054 notification carries no balances).
   */
  readonly balanced: boolean | null;
  readonly issues: readonly StatementIssue[];
}
