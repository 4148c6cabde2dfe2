import { randomUUID } from 'node:crypto';

import type { SqlConnection } from '@payments/persistence';

import { LedgerBatchWriter } from './ledger-batch.writer';
import { LedgerError } from './ledger.error';
import { LedgerRepository } from './ledger.repository';
import { type Account, type AccountHistoryEntry, type AccountRequest, type Balances, type Transfer, type TransferRequest, ZERO_BALANCES } from './ledger.types';
import type { BookEntry, RecordedTransfer, TransferOutcome } from './posting.book';
import { hashTransferRequest } from './request.hash';
import { validateAccountRequest, validateTransferRequest } from './request.validator';
import { SingleWriterQueue } from './single-writer.queue';

export interface LedgerOptions {
  /** The time written on transfers and compared with pending timeouts (default: the system clock). */
  readonly clock?: () => Date;
  /** Most requests (chains) written by one batch statement (default 1000). */
  readonly maxBatch?: number;
}

export interface HistoryPage {
  readonly entries: AccountHistoryEntry[];
  /** Pass as `after` for the next page; absent on the last page. */
  readonly nextAfter?: bigint;
}

function publicTransfer({ requestHash: _hash, debitAfter: _debit, creditAfter: _credit, ...transfer }: RecordedTransfer): Transfer {
  return transfer;
}

/**
 * The double-entry ledger over a Database's raw connection (real PostgreSQL or PGlite). All writes
 * of this ledger go through one writer that gathers concurrent requests into batches: a batch is
 * decided in memory, request by request in submission order, and written by one statement that
 * commits whole or not at all (see README: hot accounts).
 */
export class Ledger {
  private readonly repository = new LedgerRepository();
  private readonly writer: SingleWriterQueue<BookEntry[], TransferOutcome[]>;
  private readonly batches: LedgerBatchWriter;
  private readonly clock: () => Date;

  constructor(
    private readonly connection: SqlConnection,
    options: LedgerOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.batches = new LedgerBatchWriter(connection, this.repository, this.clock);
    this.writer = new SingleWriterQueue((chains) => this.batches.write(chains), options.maxBatch);
  }

  /** Creates the accounts not there yet; the same id with other settings is refused (nothing created). */
  createAccounts(requests: readonly AccountRequest[]): Promise<Account[]> {
    requests.forEach(validateAccountRequest);
    return this.connection.transaction(async (tx) => {
      const stored = new Map((await this.repository.createAccounts(tx, requests)).map((a) => [a.id, a]));
      return requests.map((request) => {
        const account = stored.get(request.id) as Account;
        const same =
          account.currency === request.currency &&
          account.kind === request.kind &&
          account.debitsMustNotExceedCredits === (request.debitsMustNotExceedCredits === true) &&
          account.creditLimit === (request.creditLimit ?? 0n) &&
          account.creditsMustNotExceedDebits === (request.creditsMustNotExceedDebits === true);
        if (!same) throw new LedgerError('account_exists_with_different_body', request.id, 'an account with this id exists with other settings');
        return account;
      });
    });
  }

  /**
   * Sets an account's credit limit in one conditional UPDATE: refused (`exceeds_credits`, nothing
   * changed) when its debits, posted and pending, would then pass its posted credits plus the new
   * limit. A batch decided on the old limit fails its compare-and-set and is decided again.
   */
  async changeCreditLimit(accountId: string, creditLimit: bigint): Promise<Account> {
    if (typeof creditLimit !== 'bigint' || creditLimit < 0n) throw new LedgerError('invalid_field', accountId, 'creditLimit must be a non-negative bigint');
    const changed = await this.repository.changeCreditLimit(this.connection, accountId, creditLimit);
    this.batches.forget(accountId);
    if (changed) return changed;
    const account = await this.account(accountId);
    const used = account.debitsPosted + account.debitsPending - account.creditsPosted;
    throw new LedgerError('exceeds_credits', accountId, `debits already use ${used} past the credits: the credit limit cannot go below that`);
  }

  /** Applies one transfer; throws a LedgerError when refused. The same id and body again returns the first result. */
  async transfer(request: TransferRequest): Promise<Transfer> {
    const [transfer] = await this.transferChain([request]);
    return transfer;
  }

  /** Applies linked transfers all or nothing; the error is the one of the transfer that failed. */
  async transferChain(requests: readonly TransferRequest[]): Promise<Transfer[]> {
    requests.forEach(validateTransferRequest);
    const outcomes = await this.writer.submit(requests.map((request) => ({ request, hash: hashTransferRequest(request) })));
    const failed = outcomes.find((o) => !o.ok && o.error.code !== 'linked_transfer_failed') ?? outcomes.find((o) => !o.ok);
    if (failed && !failed.ok) throw failed.error;
    return outcomes.map((o) => publicTransfer((o as Extract<TransferOutcome, { ok: true }>).transfer));
  }

  /** Voids (as `expire` transfers) the pending transfers whose timeout has passed at `now`; returns how many. */
  async expirePending(now: Date, limit = 1000): Promise<number> {
    const due = await this.repository.duePending(this.connection, now, limit);
    const outcomes = await Promise.all(
      due.map((pendingId) => this.writer.submit([{ request: { type: 'expire', id: randomUUID(), pendingId }, hash: `expire:${pendingId}` }])),
    );
    // One posted or voided in the meantime is no longer due: not an error.
    return outcomes.filter(([o]) => o?.ok).length;
  }

  async account(id: string): Promise<Account> {
    const account = await this.repository.findAccount(this.connection, id);
    if (!account) throw new LedgerError('account_not_found', id, 'no such account');
    return account;
  }

  async findTransfer(id: string): Promise<Transfer | undefined> {
    const transfer = await this.repository.findTransfer(this.connection, id);
    return transfer && publicTransfer(transfer);
  }

  /** The account's transfers, oldest first, each with the account's balances right after it. */
  async history(accountId: string, page: { after?: bigint; limit?: number } = {}): Promise<HistoryPage> {
    await this.account(accountId);
    const limit = page.limit ?? 100;
    const transfers = await this.repository.history(this.connection, accountId, page.after ?? 0n, limit);
    const entries = transfers.map((t): AccountHistoryEntry => {
      const side = t.debitAccountId === accountId ? 'debit' : 'credit';
      return { transfer: publicTransfer(t), side, balancesAfter: side === 'debit' ? t.debitAfter : t.creditAfter };
    });
    return transfers.length === limit ? { entries, nextAfter: transfers[transfers.length - 1]?.sequence } : { entries };
  }

  /** The account's balances as they stood at `at` (after every transfer made at or before it). */
  async balancesAt(accountId: string, at: Date): Promise<Balances> {
    await this.account(accountId);
    const last = await this.repository.lastTransferAt(this.connection, accountId, at);
    if (!last) return ZERO_BALANCES;
    return last.debitAccountId === accountId ? last.debitAfter : last.creditAfter;
  }
}
