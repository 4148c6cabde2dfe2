/** Amounts are integers in minor units (cents) of the account's ISO 4217 currency. */
export type MinorUnits = bigint;

/** The limits an account enforces; none = no limit (a clearing or a bank account). */
export interface AccountLimits {
  /** Debits (posted + pending) must not exceed posted credits plus `creditLimit`. */
  readonly debitsMustNotExceedCredits?: boolean;
  /** How far debits may go past credits (an agent's overdraft); 0 when absent. */
  readonly creditLimit?: MinorUnits;
  /** Credits (posted + pending) must not exceed posted debits. */
  readonly creditsMustNotExceedDebits?: boolean;
}

export interface AccountRequest extends AccountLimits {
  /** A UUID the caller chooses: creating the same account again is a no-op. */
  readonly id: string;
  /** ISO 4217 alphabetic code, e.g. `EUR`. */
  readonly currency: string;
  /** What the account is for, in the app's words (`dealer`, `agent`, `payee`, `clearing`). */
  readonly kind: string;
}

/** Posted moved money; pending is reserved by two-phase transfers not yet posted or voided. */
export interface Balances {
  readonly debitsPending: MinorUnits;
  readonly debitsPosted: MinorUnits;
  readonly creditsPending: MinorUnits;
  readonly creditsPosted: MinorUnits;
}

export interface Account extends Balances {
  readonly id: string;
  readonly currency: string;
  readonly kind: string;
  readonly debitsMustNotExceedCredits: boolean;
  readonly creditLimit: MinorUnits;
  readonly creditsMustNotExceedDebits: boolean;
}

export const ZERO_BALANCES: Balances = { debitsPending: 0n, debitsPosted: 0n, creditsPending: 0n, creditsPosted: 0n };

/** Moves money at once. */
export interface PostedTransferRequest {
  readonly type?: 'posted';
  /** A UUID the caller chooses: the same id again returns the first result. */
  readonly id: string;
  readonly debitAccountId: string;
  readonly creditAccountId: string;
  readonly amount: MinorUnits;
  readonly currency: string;
  /** The app's own reference (an operation id, a voucher number); at most 128 characters. */
  readonly reference?: string;
}

/** Reserves: debits_pending / credits_pending grow until it is posted, voided or expires. */
export interface PendingTransferRequest extends Omit<PostedTransferRequest, 'type'> {
  readonly type: 'pending';
  /** Expires (voided by `expirePending`) this many seconds after it was made; absent = never. */
  readonly timeoutSeconds?: number;
}

/** Posts a pending transfer: all of it, or part (the rest of the reservation is released). */
export interface PostPendingRequest {
  readonly type: 'post';
  readonly id: string;
  readonly pendingId: string;
  /** At most the pending amount; absent = the pending amount. */
  readonly amount?: MinorUnits;
  readonly reference?: string;
}

/** Releases a pending transfer's reservation. */
export interface VoidPendingRequest {
  readonly type: 'void';
  readonly id: string;
  readonly pendingId: string;
  readonly reference?: string;
}

export type TransferRequest = PostedTransferRequest | PendingTransferRequest | PostPendingRequest | VoidPendingRequest;

/** `expire` is written by the ledger itself when a pending transfer's timeout has passed. */
export type TransferType = 'posted' | 'pending' | 'post' | 'void' | 'expire';

/** A transfer as recorded: immutable once written. */
export interface Transfer {
  readonly id: string;
  /** Order of the ledger: later transfers have a greater sequence. */
  readonly sequence: bigint;
  readonly type: TransferType;
  readonly debitAccountId: string;
  readonly creditAccountId: string;
  readonly amount: MinorUnits;
  readonly currency: string;
  readonly pendingId: string | null;
  readonly expiresAt: Date | null;
  readonly reference: string | null;
  readonly createdAt: Date;
}

/** One line of an account's history: a transfer that touched it and its balances right after. */
export interface AccountHistoryEntry {
  readonly transfer: Transfer;
  readonly side: 'debit' | 'credit';
  readonly balancesAfter: Balances;
}
