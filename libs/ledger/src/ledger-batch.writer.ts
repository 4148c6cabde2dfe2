import type { SqlQueryRunner } from '@payments/persistence';

import { type DecidedBatch, WriteConflictError, writeDecidedBatch } from './batch-write.statement';
import type { LedgerRepository } from './ledger.repository';
import type { Account } from './ledger.types';
import { type BookEntry, PostingBook, type TransferOutcome } from './posting.book';

/** Conflicts only come from other writers on the same accounts (other processes); each retry reads afresh. */
const MAX_ATTEMPTS = 20;
/** Accounts kept in memory between batches; past this the cache starts over. */
const MAX_CACHED_ACCOUNTS = 100_000;

/**
 * Decides and writes one batch. The hot path is ONE statement a batch: the accounts' balances come
 * from what this writer last wrote (checked by the write's compare-and-set), and transfer ids are
 * not looked up first (a replay makes the insert, or the refused-id check, fail the statement).
 * Any conflict redoes the batch once everything was read afresh.
 */
export class LedgerBatchWriter {
  private readonly accounts = new Map<string, Account>();

  constructor(
    private readonly runner: SqlQueryRunner,
    private readonly repository: LedgerRepository,
    private readonly clock: () => Date,
  ) {}

  /** Drops what this writer remembers of an account (changed outside a batch): the next batch reads it. */
  forget(accountId: string): void {
    this.accounts.delete(accountId);
  }

  async write(chains: BookEntry[][]): Promise<TransferOutcome[][]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(chains, attempt > 1);
      } catch (error) {
        if (!(error instanceof WriteConflictError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private async attempt(chains: BookEntry[][], fresh: boolean): Promise<TransferOutcome[][]> {
    const now = this.clock();
    const requests = chains.flat().map((entry) => entry.request);
    const pendingIds = requests.flatMap((r) => ('pendingId' in r ? [r.pendingId] : []));
    const lookedUp = fresh ? requests.map((r) => r.id).concat(pendingIds) : pendingIds;
    const known = lookedUp.length > 0 ? await this.repository.findTransfers(this.runner, lookedUp, pendingIds) : [];
    const accountIds = new Set<string>();
    for (const r of [...requests, ...known]) if ('debitAccountId' in r) accountIds.add(r.debitAccountId).add(r.creditAccountId);
    const before = await this.loadAccounts([...accountIds], fresh);
    const book = new PostingBook(before.values(), known, now);
    const outcomes = chains.map((chain) => book.applyChain(chain));
    const decided = outcomes.flat();
    const refusedIds = fresh ? [] : requests.filter((_, i) => decided[i]?.ok === false).map((r) => r.id);
    if (book.created.length === 0) {
      // Refused without a look at the table: one may be a replay of a transfer that exists.
      if (refusedIds.length > 0) return this.attempt(chains, true);
      return outcomes;
    }
    const after = book.changedAccounts();
    const batch: DecidedBatch = { before: after.map((a) => before.get(a.id) as Account), after, transfers: book.created, createdAt: now, refusedIds };
    try {
      const sequences = await writeDecidedBatch(this.runner, batch);
      for (const transfer of book.created) transfer.sequence = sequences.get(transfer.id) as bigint;
    } catch (error) {
      for (const id of accountIds) this.accounts.delete(id);
      throw error;
    }
    if (this.accounts.size > MAX_CACHED_ACCOUNTS) this.accounts.clear();
    for (const account of after) this.accounts.set(account.id, account);
    return outcomes;
  }

  private async loadAccounts(ids: string[], fresh: boolean): Promise<Map<string, Account>> {
    const missing = fresh ? ids : ids.filter((id) => !this.accounts.has(id));
    if (missing.length > 0) {
      for (const account of await this.repository.findAccounts(this.runner, missing)) this.accounts.set(account.id, account);
    }
    const found = new Map<string, Account>();
    for (const id of ids) {
      const account = this.accounts.get(id);
      if (account) found.set(id, account);
    }
    return found;
  }
}
