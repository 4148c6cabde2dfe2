import type { EntryDirection } from '../model/bank-statement.model';

/** What the test renderers write: the part of a statement both camt.053 and MT940 can carry. */
export interface RenderedStatement {
  readonly id: string;
  readonly account: string;
  readonly currency: string;
  readonly sequenceNumber: number;
  readonly opening: { readonly amountMinor: bigint; readonly date: string };
  readonly closing: { readonly amountMinor: bigint; readonly date: string };
  readonly entries: readonly RenderedEntry[];
}

export interface RenderedEntry {
  readonly amountMinor: bigint;
  readonly direction: EntryDirection;
  readonly bookingDate: string;
  readonly valueDate: string;
  readonly reference: string | null;
  readonly remittanceInfo: string | null;
}
