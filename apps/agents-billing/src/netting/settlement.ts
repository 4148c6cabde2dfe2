import { namedId } from '../accounts/named-id';

/** A day's netting has waited this long past the day's end: a transfer written at 23:59:59.999 has committed by then. */
export const NETTING_GRACE_MS = 5 * 60_000;

const DAY_MS = 86_400_000;

/** The netting of one child with its parent for one UTC day, as decided from the day's ledger transfers. */
export interface Settlement {
  readonly childId: string;
  readonly parentId: string;
  /** The UTC day, YYYY-MM-DD. */
  readonly day: string;
  readonly currency: string;
  /** What the parent funded the child that day. */
  readonly fundings: bigint;
  /** What the child earned in commissions that day: the settlement transfer's amount. */
  readonly commissions: bigint;
  /** fundings − commissions: positive, the child owes its parent that much; negative, the parent owes the child. */
  readonly netDue: bigint;
  /** The settlement transfer (the child's commission account to the parent's account); null when there were no commissions. */
  readonly transferId: string | null;
  /** decided: the row is written, the transfer may not be; settled: the transfer and its event are posted. */
  readonly status: 'decided' | 'settled';
  readonly settledAt: Date | null;
}

/** The settlement transfer's id: one per child and day, so netting a day again posts nothing twice. */
export const settlementTransferIdOf = (childId: string, day: string): string => namedId(`settlement:${childId}:${day}`);

/** The first and the last moment (exclusive) of a UTC day. */
export function dayBounds(day: string): { start: Date; end: Date } {
  const start = new Date(`${day}T00:00:00.000Z`);
  return { start, end: new Date(start.getTime() + DAY_MS) };
}

export const nextDay = (day: string): string => new Date(dayBounds(day).end).toISOString().slice(0, 10);

/** A day may be netted, and its statement served, once it has ended plus the grace. */
export const isClosedDay = (day: string, now: Date): boolean => dayBounds(day).end.getTime() + NETTING_GRACE_MS <= now.getTime();

/** Days from `from` to `to` inclusive (YYYY-MM-DD strings compare as dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayBounds(to).start.getTime() - dayBounds(from).start.getTime()) / DAY_MS) + 1;
}
