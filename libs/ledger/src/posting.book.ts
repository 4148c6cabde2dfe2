import { LedgerError, type LedgerErrorCode } from './ledger.error';
import type { Account, Balances, Transfer, TransferRequest, TransferType } from './ledger.types';
import { type BalanceMove, limitBreach, moveBalances, overflows, type Side } from './posting.rules';

/** Written by the expiry sweep, through the same writer as the callers' transfers. */
export interface ExpireRequest {
  readonly type: 'expire';
  readonly id: string;
  readonly pendingId: string;
  readonly reference?: undefined;
}

export type BookRequest = TransferRequest | ExpireRequest;

export interface BookEntry {
  readonly request: BookRequest;
  readonly hash: string;
}

/** A transfer with what the ledger keeps beside it; `sequence` is 0 until the row is written. */
export interface RecordedTransfer extends Omit<Transfer, 'sequence'> {
  sequence: bigint;
  readonly requestHash: string;
  readonly debitAfter: Balances;
  readonly creditAfter: Balances;
}

export type TransferOutcome =
  { readonly ok: true; readonly transfer: RecordedTransfer; readonly created: boolean } | { readonly ok: false; readonly error: LedgerError };

const RESOLVED_CODE: Record<Exclude<TransferType, 'posted' | 'pending'>, LedgerErrorCode> = {
  post: 'pending_already_posted',
  void: 'pending_already_voided',
  expire: 'pending_expired',
};

interface Movement {
  readonly type: TransferType;
  readonly debit: Account;
  readonly credit: Account;
  readonly amount: bigint;
  readonly currency: string;
  readonly pendingId: string | null;
  readonly expiresAt: Date | null;
  readonly debitMove: BalanceMove;
  readonly creditMove: BalanceMove;
}

type Decision = Movement | LedgerError | RecordedTransfer;

/**
 * One batch's view of the ledger, in memory, under the accounts' row locks: decides each request
 * in submission order against the balances the earlier ones left, so a request that would pass a
 * limit fails alone. A linked chain applies all or nothing (undone on its first failure).
 */
export class PostingBook {
  private readonly accounts = new Map<string, Account>();
  private readonly transfers = new Map<string, RecordedTransfer>();
  /** pending id -> the type of the transfer that resolved it. */
  private readonly resolutions = new Map<string, TransferType>();
  private readonly undo: (() => void)[] = [];
  readonly created: RecordedTransfer[] = [];

  constructor(
    accounts: Iterable<Account>,
    transfers: Iterable<RecordedTransfer>,
    private readonly now: Date,
  ) {
    for (const account of accounts) this.accounts.set(account.id, account);
    for (const transfer of transfers) this.remember(transfer);
    this.undo.length = 0;
  }

  /** The accounts as the applied requests left them. */
  changedAccounts(): Account[] {
    const ids = new Set(this.created.flatMap((t) => [t.debitAccountId, t.creditAccountId]));
    return [...ids].map((id) => this.accounts.get(id) as Account);
  }

  applyChain(entries: readonly BookEntry[]): TransferOutcome[] {
    const createdBefore = this.created.length;
    const outcomes: TransferOutcome[] = [];
    for (const [index, entry] of entries.entries()) {
      const outcome = this.apply(entry);
      if (!outcome.ok) {
        while (this.undo.length > 0) (this.undo.pop() as () => void)();
        this.created.length = createdBefore;
        return entries.map((other, j) =>
          j === index
            ? outcome
            : {
                ok: false,
                error: new LedgerError('linked_transfer_failed', other.request.id, `transfer ${entry.request.id} of its chain failed: ${outcome.error.code}`),
              },
        );
      }
      outcomes.push(outcome);
    }
    this.undo.length = 0;
    return outcomes;
  }

  private apply({ request, hash }: BookEntry): TransferOutcome {
    const decision = this.decide(request, hash);
    if (decision instanceof LedgerError) return { ok: false, error: decision };
    if (!('debitMove' in decision)) return { ok: true, transfer: decision, created: false };
    const debitAfter = moveBalances(decision.debit, 'debit', decision.debitMove);
    const creditAfter = moveBalances(decision.credit, 'credit', decision.creditMove);
    const refused = this.refusal(request.id, decision.debit, debitAfter) ?? this.refusal(request.id, decision.credit, creditAfter);
    if (refused) return { ok: false, error: refused };
    const transfer: RecordedTransfer = {
      id: request.id,
      sequence: 0n,
      type: decision.type,
      debitAccountId: decision.debit.id,
      creditAccountId: decision.credit.id,
      amount: decision.amount,
      currency: decision.currency,
      pendingId: decision.pendingId,
      expiresAt: decision.expiresAt,
      reference: request.reference ?? null,
      createdAt: this.now,
      requestHash: hash,
      debitAfter,
      creditAfter,
    };
    this.setBalances(decision.debit, debitAfter);
    this.setBalances(decision.credit, creditAfter);
    this.remember(transfer);
    this.created.push(transfer);
    return { ok: true, transfer, created: true };
  }

  private decide(request: BookRequest, hash: string): Decision {
    const existing = this.transfers.get(request.id);
    if (existing) {
      return existing.requestHash === hash
        ? existing
        : new LedgerError('id_reused_with_different_body', request.id, 'a transfer with this id exists with another body');
    }
    if (request.type === 'post' || request.type === 'void' || request.type === 'expire') return this.decideResolution(request);
    const debit = this.accounts.get(request.debitAccountId);
    const credit = this.accounts.get(request.creditAccountId);
    if (!debit || !credit) {
      return new LedgerError('account_not_found', request.id, `account ${debit ? request.creditAccountId : request.debitAccountId} does not exist`);
    }
    if (debit.currency !== request.currency || credit.currency !== request.currency) {
      return new LedgerError('currency_mismatch', request.id, `transfer in ${request.currency} between accounts in ${debit.currency} and ${credit.currency}`);
    }
    const pending = request.type === 'pending';
    const move: BalanceMove = pending ? { reserve: request.amount } : { post: request.amount };
    const timeout = pending ? request.timeoutSeconds : undefined;
    return {
      type: pending ? 'pending' : 'posted',
      debit,
      credit,
      amount: request.amount,
      currency: request.currency,
      pendingId: null,
      expiresAt: timeout === undefined ? null : new Date(this.now.getTime() + timeout * 1000),
      debitMove: move,
      creditMove: move,
    };
  }

  private decideResolution(request: Extract<BookRequest, { pendingId: string }>): Decision {
    const pending = this.transfers.get(request.pendingId);
    if (!pending || pending.type !== 'pending') return new LedgerError('pending_not_found', request.id, `no pending transfer ${request.pendingId}`);
    const resolvedBy = this.resolutions.get(pending.id);
    if (resolvedBy)
      return new LedgerError(
        RESOLVED_CODE[resolvedBy as keyof typeof RESOLVED_CODE],
        request.id,
        `pending transfer ${pending.id} was resolved by a ${resolvedBy}`,
      );
    if (request.type !== 'expire' && pending.expiresAt && pending.expiresAt <= this.now) {
      return new LedgerError('pending_expired', request.id, `pending transfer ${pending.id} expired at ${pending.expiresAt.toISOString()}`);
    }
    const amount = request.type === 'post' ? (request.amount ?? pending.amount) : pending.amount;
    if (amount > pending.amount)
      return new LedgerError('post_amount_exceeds_pending', request.id, `posts ${amount}, pending transfer ${pending.id} holds ${pending.amount}`);
    const move: BalanceMove = request.type === 'post' ? { release: pending.amount, post: amount } : { release: pending.amount };
    return {
      type: request.type,
      debit: this.accounts.get(pending.debitAccountId) as Account,
      credit: this.accounts.get(pending.creditAccountId) as Account,
      amount,
      currency: pending.currency,
      pendingId: pending.id,
      expiresAt: null,
      debitMove: move,
      creditMove: move,
    };
  }

  private refusal(id: string, account: Account, after: Balances): LedgerError | undefined {
    if (overflows(account, after)) return new LedgerError('invalid_field', id, `amount would overflow the balances of account ${account.id}`);
    const breach = limitBreach(account, after);
    if (!breach) return undefined;
    const side: Side = breach === 'exceeds_credits' ? 'debit' : 'credit';
    return new LedgerError(breach, id, `the ${side}s of account ${account.id} would pass its limit`);
  }

  private setBalances(account: Account, balances: Balances): void {
    const before = this.accounts.get(account.id) as Account;
    this.accounts.set(account.id, { ...before, ...balances });
    this.undo.push(() => this.accounts.set(account.id, before));
  }

  private remember(transfer: RecordedTransfer): void {
    this.transfers.set(transfer.id, transfer);
    if (transfer.pendingId) this.resolutions.set(transfer.pendingId, transfer.type);
    this.undo.push(() => {
      this.transfers.delete(transfer.id);
      if (transfer.pendingId) this.resolutions.delete(transfer.pendingId);
    });
  }
}
