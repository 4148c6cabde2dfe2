import type { CardOperation, EntryMode, FollowUpOperation } from '@payments/contracts';

import type { Transaction } from '../../generated/prisma/client';

/** The PIN pad's encrypted PIN (under its DUKPT key), in memory only: the rail translates it for its host. */
export interface RailPin {
  readonly pinBlock: string;
  /** ISO 9564 format: 0 (TDES DUKPT) or 4 (AES DUKPT). */
  readonly format: 0 | 4;
  readonly ksn: string;
  readonly bdkId: string;
}

/** Nest token of the Rail port. */
export const RAIL = Symbol('Rail');

/** An operation the rail is asked for: a card-present one with its card, or a follow-up naming its original. */
export type RailRequest =
  | {
      readonly kind: 'card';
      readonly operation: CardOperation;
      readonly card: { readonly pan: string; readonly track2: string; readonly scheme: string; readonly pin?: RailPin };
      readonly entryMode: EntryMode;
      readonly amountMinor: bigint;
      readonly currency: string;
      readonly terminalId: string;
      readonly merchantId: string;
    }
  | {
      readonly kind: 'follow_up';
      readonly operation: FollowUpOperation;
      readonly original: Transaction;
      readonly pan: string;
      readonly amountMinor: bigint;
    };

/** What the journal keeps before the rail is asked, so a reversal can name the request. */
export interface RailReference {
  readonly acquirerId: string;
  readonly stan: string;
  readonly rrn: string;
  readonly sentAt: Date;
  readonly mti: string;
  readonly processingCode: string;
}

/** A request ready to send: its reference, and the rail's own message (opaque to the core). */
export interface RailAttempt {
  readonly reference: RailReference;
  readonly message: unknown;
}

export type RailPreparation =
  { readonly ok: true; readonly attempt: RailAttempt } | { readonly ok: false; readonly responseCode: string; readonly reason: string };

/**
 * What the rail answered. partial: approved less than asked (the approved part, when readable);
 * unknown: no answer in time or the link is down, so the money may have moved.
 */
export type RailOutcome =
  | { readonly kind: 'approved'; readonly approvalCode?: string; readonly balanceMinor?: bigint }
  | { readonly kind: 'declined'; readonly responseCode: string }
  | { readonly kind: 'partial'; readonly approvedMinor?: bigint; readonly approvalCode?: string }
  | { readonly kind: 'unknown'; readonly reason: string };

/**
 * Where the money goes: today an ISO 8583 acquirer; next the agents' ledger, a payee's gateway,
 * a payer's bank. Two steps, so the reference is journaled between them.
 */
export interface Rail {
  /** Routes and names the request; not ok when no rail takes it (ISO 8583 92). */
  prepare(request: RailRequest): Promise<RailPreparation>;
  send(attempt: RailAttempt): Promise<RailOutcome>;
}
