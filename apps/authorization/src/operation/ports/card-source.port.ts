import type { AuthorizeRequest } from '@payments/contracts';

/** Nest token of the CardSource port. */
export const CARD_SOURCE = Symbol('CardSource');

/**
 * A card as the core uses it. `pan` and `track2` live in memory only (routing, the rail's
 * message): never journaled, logged or put in an event or error (PCI DSS 3.3, 3.4).
 */
export interface SourcedCard {
  readonly pan: string;
  readonly track2: string;
  /** YYMM, as on the card (shown by a card read). */
  readonly expiry: string;
  readonly token: string;
  readonly maskedPan: string;
  readonly scheme: string;
  readonly panKeyId: string;
  readonly panCiphertext: string;
}

/** The card, or why there is none: a reason that never contains card data. */
export type CardReading = { readonly ok: true; readonly card: SourcedCard } | { readonly ok: false; readonly responseCode: string; readonly reason: string };

/** The PAN of a journaled operation, as its row keeps it (envelope-encrypted under a key id). */
export interface StoredCard {
  readonly panKeyId: string;
  readonly panCiphertext: string;
}

/**
 * Where the card of an operation comes from: today the PIN pad's DUKPT block; next a hosted-page
 * vault token, a saved card, a payer's account.
 */
export interface CardSource {
  /** `resumed`: the operation's card was read and admitted when it started (a prompt's answer resumes it). */
  read(request: AuthorizeRequest, options?: { readonly resumed?: boolean }): Promise<CardReading>;
  /** The PAN of an original, for the follow-up that names it (refund, completion, cancel). */
  panOf(stored: StoredCard): string;
}
