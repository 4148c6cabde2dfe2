import type { LineDirection, LineEvent } from '../lines/settlement-line';
import type { AcquirerReportLine } from './acquirer-report';

/** Our settlement line as reconciliation reads it. */
export interface OurLine {
  readonly transactionId: string;
  readonly event: LineEvent;
  readonly terminalId: string;
  /** Null when the transaction event carried none: such a line cannot be found in a report. */
  readonly rrn: string | null;
  readonly direction: LineDirection;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly scheme: string | null;
}

/** What does not agree between the acquirer's report and our lines. */
export type BreakKind = 'missing_ours' | 'missing_theirs' | 'amount_difference' | 'fee_difference';

export interface ReconciliationBreak {
  readonly kind: BreakKind;
  readonly terminalId: string;
  readonly rrn: string | null;
  readonly direction: LineDirection;
  /** The acquirer's currency when it reported the line, ours otherwise. */
  readonly currency: string;
  readonly ourTransactionId: string | null;
  readonly ourEvent: LineEvent | null;
  readonly ourAmountMinor: bigint | null;
  /** The fee expected by the acquirer's configured rates (null when none applies). */
  readonly ourFeeMinor: bigint | null;
  readonly theirLineNo: number | null;
  readonly theirAmountMinor: bigint | null;
  readonly theirFeeMinor: bigint | null;
}

export interface Reconciliation {
  /** Report line number -> our line it was paired with (matched or with a difference). */
  readonly pairs: ReadonlyMap<number, OurLine>;
  readonly breaks: readonly ReconciliationBreak[];
}

/** The expected fee of a line, or undefined when no rate applies. */
export type ExpectedFee = (scheme: string | null, amountMinor: bigint) => bigint | undefined;

/**
 * A report line and our line pair on the terminal, the RRN and the direction: a reversal carries
 * its original's RRN, and is our second line of the transaction, the other way. Each is a column
 * of settlement_line and of the acquirer's stored lines, under these names.
 */
interface LineIdentity {
  readonly terminalId: string;
  readonly rrn: string | null;
  readonly direction: LineDirection;
}
const LINE_IDENTITY: Readonly<Record<keyof LineIdentity, string>> = { terminalId: 'terminal_id', rrn: 'rrn', direction: 'direction' };

const keyOf = (line: LineIdentity): string => (Object.keys(LINE_IDENTITY) as (keyof LineIdentity)[]).map((field) => line[field]).join('/');

/**
 * The same pairing as a SQL condition between two row aliases holding those columns (our
 * settlement line and the acquirer's line), for matching set-based: a null RRN pairs with nothing.
 */
export const sameLineSql = (ours: string, theirs: string): string =>
  Object.values(LINE_IDENTITY)
    .map((column) => `"${ours}"."${column}" = "${theirs}"."${column}"`)
    .join(' AND ');

const NOT_OURS = { ourTransactionId: null, ourEvent: null, ourAmountMinor: null, ourFeeMinor: null } as const;
const NOT_THEIRS = { theirLineNo: null, theirAmountMinor: null, theirFeeMinor: null } as const;

/**
 * Matches the acquirer's lines against ours for one acquirer and business day. A pair whose amount
 * or currency differs is an amount difference (its fee is not compared: it is the fee of another
 * amount); otherwise a fee other than the expected one, when a rate applies, is a fee difference.
 * A report line without our line, or a second one for a line already paired, is missing on ours;
 * our line the acquirer did not report (or that has no RRN) is missing on theirs.
 */
export function reconcile(ours: readonly OurLine[], theirs: readonly AcquirerReportLine[], expectedFee: ExpectedFee): Reconciliation {
  const open = new Map<string, OurLine>();
  // Without an RRN, or a second line under a key already taken: nothing in a report can pair with it.
  const unpairable: OurLine[] = [];
  for (const line of ours) {
    if (line.rrn === null || open.has(keyOf(line))) unpairable.push(line);
    else open.set(keyOf(line), line);
  }
  const pairs = new Map<number, OurLine>();
  const breaks: ReconciliationBreak[] = [];
  for (const their of theirs) {
    const key = keyOf(their);
    const our = open.get(key);
    const theirSide = { terminalId: their.terminalId, rrn: their.rrn, direction: their.direction, currency: their.currency };
    const values = { ...theirSide, theirLineNo: their.lineNo, theirAmountMinor: their.amountMinor, theirFeeMinor: their.feeMinor };
    if (!our) {
      breaks.push({ kind: 'missing_ours', ...values, ...NOT_OURS });
      continue;
    }
    open.delete(key);
    pairs.set(their.lineNo, our);
    // Rates are charged on debits (what the merchant is paid for); a credit's fee is kept, not compared.
    const expected = our.direction === 'debit' ? (expectedFee(our.scheme ?? their.scheme, our.amountMinor) ?? null) : null;
    const ourSide = { ourTransactionId: our.transactionId, ourEvent: our.event, ourAmountMinor: our.amountMinor, ourFeeMinor: expected };
    if (our.amountMinor !== their.amountMinor || our.currency !== their.currency) breaks.push({ kind: 'amount_difference', ...values, ...ourSide });
    else if (expected !== null && expected !== their.feeMinor) breaks.push({ kind: 'fee_difference', ...values, ...ourSide });
  }
  for (const our of [...open.values(), ...unpairable]) {
    const { terminalId, rrn, direction, currency } = our;
    const ourSide = { ourTransactionId: our.transactionId, ourEvent: our.event, ourAmountMinor: our.amountMinor, ourFeeMinor: null };
    breaks.push({ kind: 'missing_theirs', terminalId, rrn, direction, currency, ...ourSide, ...NOT_THEIRS });
  }
  return { pairs, breaks };
}
