import fc from 'fast-check';

import type { LedgerErrorCode } from '../ledger.error';
import type { AccountRequest, TransferRequest } from '../ledger.types';

/**
 * A reference model of the transfer rules, written as plainly as possible and apart from the
 * ledger: fast-check runs random operation sequences through both and compares every decision and
 * the final balances.
 */
interface ModelAccount {
  readonly currency: string;
  readonly debitLimit?: bigint;
  readonly creditsCapped: boolean;
  dp: bigint;
  dd: bigint;
  cp: bigint;
  cc: bigint;
}

interface ModelTransfer {
  readonly body: string;
  readonly type: string;
  readonly debit: string;
  readonly credit: string;
  readonly amount: bigint;
  /** Milliseconds since the epoch. */
  readonly expiresAt?: number;
  resolvedBy?: string;
}

export type ModelOutcome = 'ok' | LedgerErrorCode;

const RESOLVED: Record<string, LedgerErrorCode> = { post: 'pending_already_posted', void: 'pending_already_voided', expire: 'pending_expired' };

export class TransferModel {
  readonly accounts = new Map<string, ModelAccount>();
  private readonly transfers = new Map<string, ModelTransfer>();
  /** The time the ledger's clock shows, in milliseconds since the epoch. */
  now = 0;

  constructor(accounts: readonly AccountRequest[]) {
    for (const a of accounts) {
      const debitLimit = a.debitsMustNotExceedCredits ? (a.creditLimit ?? 0n) : undefined;
      this.accounts.set(a.id, { currency: a.currency, debitLimit, creditsCapped: a.creditsMustNotExceedDebits === true, dp: 0n, dd: 0n, cp: 0n, cc: 0n });
    }
  }

  /** Balances as [debits pending, debits posted, credits pending, credits posted]. */
  balances(id: string): bigint[] {
    const a = this.accounts.get(id) as ModelAccount;
    return [a.dp, a.dd, a.cp, a.cc];
  }

  /** Applies a chain all or nothing; returns one outcome per transfer. */
  applyChain(requests: readonly TransferRequest[]): ModelOutcome[] {
    const saved = this.snapshot();
    const outcomes: ModelOutcome[] = [];
    for (const request of requests) {
      const outcome = this.apply(request);
      if (outcome !== 'ok') {
        this.restore(saved);
        return requests.map((_, i) => (i === outcomes.length ? outcome : 'linked_transfer_failed'));
      }
      outcomes.push(outcome);
    }
    return outcomes;
  }

  private apply(r: TransferRequest): ModelOutcome {
    const body = JSON.stringify(r, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    const existing = this.transfers.get(r.id);
    if (existing) return existing.body === body ? 'ok' : 'id_reused_with_different_body';
    if (r.type === 'post' || r.type === 'void') {
      const p = this.transfers.get(r.pendingId);
      if (!p || p.type !== 'pending') return 'pending_not_found';
      if (p.resolvedBy) return RESOLVED[p.resolvedBy];
      if (p.expiresAt !== undefined && p.expiresAt <= this.now) return 'pending_expired';
      const amount = r.type === 'post' ? (r.amount ?? p.amount) : 0n;
      if (amount > p.amount) return 'post_amount_exceeds_pending';
      this.release(p, r.type, amount);
      this.transfers.set(r.id, { body, type: r.type, debit: p.debit, credit: p.credit, amount });
      return 'ok';
    }
    const d = this.accounts.get(r.debitAccountId);
    const c = this.accounts.get(r.creditAccountId);
    if (!d || !c) return 'account_not_found';
    if (d.currency !== r.currency || c.currency !== r.currency) return 'currency_mismatch';
    const pending = r.type === 'pending';
    const [dp, dd, cp, cc] = pending ? [d.dp + r.amount, d.dd, c.cp + r.amount, c.cc] : [d.dp, d.dd + r.amount, c.cp, c.cc + r.amount];
    if (d.debitLimit !== undefined && dp + dd > d.cc + d.debitLimit) return 'exceeds_credits';
    if (d.creditsCapped && d.cp + d.cc > dd) return 'exceeds_debits';
    if (c.debitLimit !== undefined && c.dp + c.dd > cc + c.debitLimit) return 'exceeds_credits';
    if (c.creditsCapped && cp + cc > c.dd) return 'exceeds_debits';
    Object.assign(d, { dp, dd });
    Object.assign(c, { cp, cc });
    const timeout = r.type === 'pending' ? r.timeoutSeconds : undefined;
    const expiresAt = timeout === undefined ? undefined : this.now + timeout * 1000;
    this.transfers.set(r.id, { body, type: pending ? 'pending' : 'posted', debit: r.debitAccountId, credit: r.creditAccountId, amount: r.amount, expiresAt });
    return 'ok';
  }

  /** The sweep: voids the open reservations whose expiry is at or before `now`; returns how many. */
  expire(now: number): number {
    const due = [...this.transfers.values()].filter((t) => t.type === 'pending' && !t.resolvedBy && t.expiresAt !== undefined && t.expiresAt <= now);
    for (const t of due) this.release(t, 'expire', 0n);
    return due.length;
  }

  private release(p: ModelTransfer, by: string, posted: bigint): void {
    const d = this.accounts.get(p.debit) as ModelAccount;
    const c = this.accounts.get(p.credit) as ModelAccount;
    d.dp -= p.amount;
    c.cp -= p.amount;
    d.dd += posted;
    c.cc += posted;
    p.resolvedBy = by;
  }

  private snapshot(): string {
    return JSON.stringify([[...this.accounts], [...this.transfers]], (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
  }

  private restore(saved: string): void {
    const [accounts, transfers] = JSON.parse(saved, (_, v: unknown) => (typeof v === 'string' && /^-?\d+n$/.test(v) ? BigInt(v.slice(0, -1)) : v)) as [
      [string, ModelAccount][],
      [string, ModelTransfer][],
    ];
    this.accounts.clear();
    for (const [id, a] of accounts) this.accounts.set(id, a);
    this.transfers.clear();
    for (const [id, t] of transfers) this.transfers.set(id, t);
  }
}

/** One step of a random sequence; indexes pick among the accounts and the earlier steps' ids. */
export type ModelStep =
  | {
      readonly kind: 'transfer';
      readonly pending: boolean;
      readonly debit: number;
      readonly credit: number;
      readonly amount: bigint;
      readonly timeout?: number;
    }
  | { readonly kind: 'resolve'; readonly post: boolean; readonly of: number; readonly amount?: bigint }
  | { readonly kind: 'replay'; readonly of: number; readonly sameBody: boolean }
  | { readonly kind: 'chain'; readonly links: { debit: number; credit: number; amount: bigint }[] }
  | { readonly kind: 'tick'; readonly seconds: number }
  | { readonly kind: 'sweep' };

/** What a step asks of the ledger: a chain of requests, moving its clock on, or an expiry sweep. */
export type ModelAction = { readonly chain: TransferRequest[] } | { readonly tick: number } | { readonly sweep: true };

const amount = fc.bigInt({ min: 1n, max: 20n });
/** The dealer's credit limit. */
export const modelCreditLimit = fc.bigInt({ min: 0n, max: 100n });
/** Mostly the three EUR accounts; now and then the USD one or the id with no account. */
const accountIndex = fc.oneof({ weight: 8, arbitrary: fc.nat({ max: 2 }) }, { weight: 1, arbitrary: fc.constantFrom(3, 4) });
const link = fc.record({ debit: accountIndex, credit: accountIndex, amount }).filter((l) => l.debit !== l.credit);

export const modelSteps = fc.array(
  fc
    .oneof(
      {
        weight: 4,
        arbitrary: fc.record({
          kind: fc.constant('transfer' as const),
          pending: fc.boolean(),
          debit: accountIndex,
          credit: accountIndex,
          amount,
          timeout: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
        }),
      },
      {
        weight: 3,
        arbitrary: fc.record({ kind: fc.constant('resolve' as const), post: fc.boolean(), of: fc.nat(), amount: fc.option(amount, { nil: undefined }) }),
      },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('replay' as const), of: fc.nat(), sameBody: fc.boolean() }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('chain' as const), links: fc.array(link, { minLength: 2, maxLength: 3 }) }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('tick' as const), seconds: fc.integer({ min: 1, max: 2 }) }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('sweep' as const) }) },
    )
    .filter((s) => s.kind !== 'transfer' || s.debit !== s.credit),
  { minLength: 8, maxLength: 30 },
);

/**
 * Turns steps into actions: five account slots (a dealer with a credit limit, a payee whose credits
 * must not exceed its debits, a clearing account, a USD account, an id that is no account).
 */
export function actionsOf(steps: readonly ModelStep[], slots: readonly string[], newId: () => string): ModelAction[] {
  const made: TransferRequest[] = [];
  const remember = (r: TransferRequest) => (made.push(r), r);
  const earlier = (of: number) => made[of % Math.max(made.length, 1)];
  /** Three times in four a pending transfer (when there is one), else any earlier request. */
  const earlierPending = (of: number) => {
    const pending = made.filter((r) => r.type === 'pending');
    return of % 4 === 0 || pending.length === 0 ? earlier(of) : pending[of % pending.length];
  };
  return steps.map((step): ModelAction => (step.kind === 'tick' ? { tick: step.seconds } : step.kind === 'sweep' ? { sweep: true } : { chain: chainOf(step) }));

  function chainOf(step: Exclude<ModelStep, { kind: 'tick' | 'sweep' }>): TransferRequest[] {
    switch (step.kind) {
      case 'transfer': {
        const base = {
          id: newId(),
          debitAccountId: slots[step.debit],
          creditAccountId: slots[step.credit],
          amount: step.amount,
          currency: 'EUR',
        };
        return [remember(step.pending ? { ...base, type: 'pending', timeoutSeconds: step.timeout } : base)];
      }
      case 'resolve': {
        const pendingId = earlierPending(step.of)?.id ?? newId();
        return [remember(step.post ? { type: 'post', id: newId(), pendingId, amount: step.amount } : { type: 'void', id: newId(), pendingId })];
      }
      case 'replay': {
        const original = earlier(step.of);
        if (!original) return [remember({ type: 'void', id: newId(), pendingId: newId() })];
        return [step.sameBody ? { ...original } : { ...original, reference: 'another body' }];
      }
      case 'chain':
        return step.links.map((l) =>
          remember({ id: newId(), debitAccountId: slots[l.debit], creditAccountId: slots[l.credit], amount: l.amount, currency: 'EUR' }),
        );
    }
  }
}

/** The five slots' accounts (the fifth slot is an id with no account). */
export function modelAccounts(newId: () => string, creditLimit: bigint): { accounts: AccountRequest[]; slots: string[] } {
  const accounts: AccountRequest[] = [
    { id: newId(), currency: 'EUR', kind: 'dealer', debitsMustNotExceedCredits: true, creditLimit },
    { id: newId(), currency: 'EUR', kind: 'payee', creditsMustNotExceedDebits: true },
    { id: newId(), currency: 'EUR', kind: 'clearing' },
    { id: newId(), currency: 'USD', kind: 'clearing' },
  ];
  return { accounts, slots: [...accounts.map((a) => a.id), newId()] };
}
