import { findLedgerViolations } from '../ledger-invariants.query';
import type { Ledger } from '../ledger';
import { LedgerError, type LedgerErrorCode } from '../ledger.error';
import type { AccountRequest, Balances, TransferRequest } from '../ledger.types';
import { type DatabaseKind, type LedgerDatabase, newId, openLedgerDatabase } from './ledger-database.fixture';

const START = new Date('2026-12-01T10:00:00.000Z');

/** Balances as [debits pending, debits posted, credits pending, credits posted]. */
function four(b: Balances): bigint[] {
  return [b.debitsPending, b.debitsPosted, b.creditsPending, b.creditsPosted];
}

async function refusal(promise: Promise<unknown>): Promise<LedgerErrorCode> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof LedgerError)) throw new Error(`expected a LedgerError, got ${String(error)}`);
  return error.code;
}

/**
 * What the ledger promises, run against real PostgreSQL and PGlite (the embedded mode). After every
 * test: per currency the balances sum to zero, no account is past its limit, and the balances are
 * the sum of the transfers.
 */
export function ledgerContract(kind: DatabaseKind): void {
  let database: LedgerDatabase;
  let ledger: Ledger;
  let now: Date;

  const account = async (request: Partial<AccountRequest> = {}): Promise<string> => {
    const [created] = await ledger.createAccounts([{ id: newId(), currency: 'EUR', kind: 'clearing', ...request }]);
    return (created as { id: string }).id;
  };
  const balances = async (id: string): Promise<bigint[]> => four(await ledger.account(id));
  const pay = (debitAccountId: string, creditAccountId: string, amount: bigint, more: Partial<TransferRequest> = {}) =>
    ledger.transfer({ id: newId(), debitAccountId, creditAccountId, amount, currency: 'EUR', ...more } as TransferRequest);

  beforeAll(async () => {
    database = await openLedgerDatabase(kind);
    ledger = database.openLedger({ clock: () => now });
  });
  beforeEach(() => {
    now = START;
  });
  afterEach(async () => {
    expect(await findLedgerViolations(database.db.connection)).toEqual([]);
  });
  afterAll(() => database?.close());

  describe('posted transfers', () => {
    it('moves money from the debit account to the credit account, in minor units', async () => {
      const [dealer, agent] = [await account(), await account()];
      const transfer = await pay(dealer, agent, 1_999n, { reference: 'voucher 7' });
      expect(transfer).toMatchObject({ type: 'posted', amount: 1_999n, currency: 'EUR', reference: 'voucher 7', createdAt: START });
      expect(await balances(dealer)).toEqual([0n, 1_999n, 0n, 0n]);
      expect(await balances(agent)).toEqual([0n, 0n, 0n, 1_999n]);
    });

    it('returns the first result for the same id and body, and moves the money once', async () => {
      const [a, b] = [await account(), await account()];
      const request: TransferRequest = { id: newId(), debitAccountId: a, creditAccountId: b, amount: 500n, currency: 'EUR' };
      const first = await ledger.transfer(request);
      now = new Date(START.getTime() + 5_000);
      const [again, concurrent] = await Promise.all([ledger.transfer({ ...request }), ledger.transfer({ ...request })]);
      expect(again).toEqual(first);
      expect(concurrent).toEqual(first);
      expect(await balances(a)).toEqual([0n, 500n, 0n, 0n]);
    });

    it('refuses the same id with another body, naming the id, and changes nothing', async () => {
      const [a, b] = [await account(), await account()];
      const id = newId();
      await ledger.transfer({ id, debitAccountId: a, creditAccountId: b, amount: 500n, currency: 'EUR' });
      const replay = ledger.transfer({ id, debitAccountId: a, creditAccountId: b, amount: 501n, currency: 'EUR' });
      await expect(replay).rejects.toThrow(id);
      expect(await refusal(ledger.transfer({ id, debitAccountId: b, creditAccountId: a, amount: 500n, currency: 'EUR' }))).toBe(
        'id_reused_with_different_body',
      );
      expect(await balances(a)).toEqual([0n, 500n, 0n, 0n]);
    });

    it('refuses bad input with a clear code and changes nothing', async () => {
      const [a, b, usd] = [await account(), await account(), await account({ currency: 'USD' })];
      const cases: [TransferRequest, LedgerErrorCode][] = [
        [{ id: newId(), debitAccountId: a, creditAccountId: b, amount: 0n, currency: 'EUR' }, 'amount_not_positive_integer'],
        [{ id: newId(), debitAccountId: a, creditAccountId: b, amount: -5n, currency: 'EUR' }, 'amount_not_positive_integer'],
        [{ id: newId(), debitAccountId: a, creditAccountId: b, amount: 1.5 as unknown as bigint, currency: 'EUR' }, 'amount_not_positive_integer'],
        [{ id: newId(), debitAccountId: a, creditAccountId: a, amount: 1n, currency: 'EUR' }, 'same_account_both_sides'],
        [{ id: newId(), debitAccountId: a, creditAccountId: newId(), amount: 1n, currency: 'EUR' }, 'account_not_found'],
        [{ id: newId(), debitAccountId: a, creditAccountId: usd, amount: 1n, currency: 'EUR' }, 'currency_mismatch'],
        [{ id: newId(), debitAccountId: a, creditAccountId: b, amount: 1n, currency: 'USD' }, 'currency_mismatch'],
        [{ id: 'not-a-uuid', debitAccountId: a, creditAccountId: b, amount: 1n, currency: 'EUR' }, 'invalid_field'],
        [{ id: newId(), debitAccountId: a, creditAccountId: b, amount: 1n, currency: 'XXZ' }, 'invalid_field'],
      ];
      for (const [request, code] of cases) expect([request.id, await refusal(ledger.transfer(request))]).toEqual([request.id, code]);
      for (const id of [a, b, usd]) expect(await balances(id)).toEqual([0n, 0n, 0n, 0n]);
    });

    it('keeps a transfer as written: a correction is a new transfer, and the database refuses to change a transfer or remove an account', async () => {
      const [a, b] = [await account(), await account()];
      const wrong = await pay(a, b, 1_000n);
      await pay(b, a, 1_000n, { reference: `corrects ${wrong.id}` });
      expect(await ledger.findTransfer(wrong.id)).toEqual(wrong);
      expect(await balances(a)).toEqual([0n, 1_000n, 0n, 1_000n]);
      await expect(database.db.connection.execute('UPDATE "ledger_transfer" SET "amount" = 1 WHERE "id" = $1', [wrong.id])).rejects.toThrow(/immutable/);
      await expect(database.db.connection.execute('DELETE FROM "ledger_transfer" WHERE "id" = $1', [wrong.id])).rejects.toThrow(/immutable/);
      await expect(database.db.connection.execute('DELETE FROM "ledger_account_balance" WHERE "id" = $1', [a])).rejects.toThrow(/immutable/);
    });
  });

  describe('limits', () => {
    it('refuses debits past credits plus the credit limit, and accepts up to it', async () => {
      const [bank, dealer] = [await account(), await account({ kind: 'dealer', debitsMustNotExceedCredits: true, creditLimit: 300n })];
      await pay(bank, dealer, 1_000n);
      expect(await refusal(pay(dealer, bank, 1_301n))).toBe('exceeds_credits');
      await pay(dealer, bank, 1_300n);
      expect(await refusal(pay(dealer, bank, 1n))).toBe('exceeds_credits');
      expect(await balances(dealer)).toEqual([0n, 1_300n, 0n, 1_000n]);
    });

    it('refuses credits past debits', async () => {
      const [payable, bank] = [await account({ kind: 'payee', creditsMustNotExceedDebits: true }), await account()];
      await pay(payable, bank, 700n);
      expect(await refusal(pay(bank, payable, 701n))).toBe('exceeds_debits');
      await pay(bank, payable, 700n);
      expect(await balances(payable)).toEqual([0n, 700n, 0n, 700n]);
    });

    it('decides concurrent requests in submission order: those past the limit fail alone', async () => {
      const [bank, dealer] = [await account(), await account({ debitsMustNotExceedCredits: true })];
      await pay(bank, dealer, 10n);
      const results = await Promise.allSettled(Array.from({ length: 15 }, () => pay(dealer, bank, 1n)));
      expect(results.map((r) => r.status)).toEqual([...Array<string>(10).fill('fulfilled'), ...Array<string>(5).fill('rejected')]);
      expect(await balances(dealer)).toEqual([0n, 10n, 0n, 10n]);
    });

    it('changes a credit limit: a raised one lets the next debit through at once, one below what is used is refused and changes nothing', async () => {
      const [bank, agent] = [await account(), await account({ kind: 'agent', debitsMustNotExceedCredits: true, creditLimit: 100n })];
      await pay(agent, bank, 100n);
      expect(await refusal(pay(agent, bank, 50n))).toBe('exceeds_credits');
      expect(await ledger.changeCreditLimit(agent, 150n)).toMatchObject({ id: agent, creditLimit: 150n });
      await pay(agent, bank, 50n);
      expect(await refusal(ledger.changeCreditLimit(agent, 149n))).toBe('exceeds_credits');
      expect(await ledger.account(agent)).toMatchObject({ creditLimit: 150n, debitsPosted: 150n });
      expect(await ledger.changeCreditLimit(agent, 150n)).toMatchObject({ creditLimit: 150n });
      expect(await refusal(ledger.changeCreditLimit(newId(), 1n))).toBe('account_not_found');
    });

    it('refuses an account id again with other settings, creating none of the batch', async () => {
      const id = await account({ debitsMustNotExceedCredits: true, creditLimit: 5n });
      const fresh = newId();
      const again = ledger.createAccounts([
        { id: fresh, currency: 'EUR', kind: 'agent' },
        { id, currency: 'EUR', kind: 'clearing', debitsMustNotExceedCredits: true, creditLimit: 6n },
      ]);
      expect(await refusal(again)).toBe('account_exists_with_different_body');
      expect(await refusal(ledger.account(fresh))).toBe('account_not_found');
      expect(await ledger.createAccounts([{ id, currency: 'EUR', kind: 'clearing', debitsMustNotExceedCredits: true, creditLimit: 5n }])).toHaveLength(1);
    });
  });

  describe('linked transfers', () => {
    it('applies a chain all or nothing, and names the transfer that failed', async () => {
      const [bank, dealer, agent] = [await account(), await account({ debitsMustNotExceedCredits: true }), await account()];
      const chain: TransferRequest[] = [
        { id: newId(), debitAccountId: bank, creditAccountId: dealer, amount: 100n, currency: 'EUR' },
        { id: newId(), debitAccountId: dealer, creditAccountId: agent, amount: 150n, currency: 'EUR' },
      ];
      const error = await ledger.transferChain(chain).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'exceeds_credits', id: chain[1].id });
      for (const id of [bank, dealer, agent]) expect(await balances(id)).toEqual([0n, 0n, 0n, 0n]);
      expect(await ledger.findTransfer(chain[0].id)).toBeUndefined();
      const done = await ledger.transferChain([chain[0], { ...chain[1], id: newId(), amount: 100n } as TransferRequest]);
      expect(done).toHaveLength(2);
      expect(await balances(dealer)).toEqual([0n, 100n, 0n, 100n]);
    });
  });

  describe('two-phase transfers', () => {
    const limited = async () => {
      const [bank, dealer, agent] = [await account(), await account({ debitsMustNotExceedCredits: true }), await account()];
      await pay(bank, dealer, 1_000n);
      return { dealer, agent };
    };
    const reserve = (debitAccountId: string, creditAccountId: string, amount: bigint, timeoutSeconds?: number) =>
      ledger.transfer({ type: 'pending', id: newId(), debitAccountId, creditAccountId, amount, currency: 'EUR', timeoutSeconds });

    it('reserves against the limit, then posts part and releases the rest', async () => {
      const { dealer, agent } = await limited();
      const hold = await reserve(dealer, agent, 800n);
      expect(await balances(dealer)).toEqual([800n, 0n, 0n, 1_000n]);
      expect(await refusal(pay(dealer, agent, 201n))).toBe('exceeds_credits');
      await ledger.transfer({ type: 'post', id: newId(), pendingId: hold.id, amount: 650n });
      expect(await balances(dealer)).toEqual([0n, 650n, 0n, 1_000n]);
      expect(await balances(agent)).toEqual([0n, 0n, 0n, 650n]);
      expect(await refusal(ledger.transfer({ type: 'post', id: newId(), pendingId: hold.id }))).toBe('pending_already_posted');
      expect(await refusal(ledger.transfer({ type: 'void', id: newId(), pendingId: hold.id }))).toBe('pending_already_posted');
    });

    it('posts the whole reservation when no amount is given, and refuses more than it holds', async () => {
      const { dealer, agent } = await limited();
      const hold = await reserve(dealer, agent, 300n);
      expect(await refusal(ledger.transfer({ type: 'post', id: newId(), pendingId: hold.id, amount: 301n }))).toBe('post_amount_exceeds_pending');
      expect(await ledger.transfer({ type: 'post', id: newId(), pendingId: hold.id })).toMatchObject({ type: 'post', amount: 300n, pendingId: hold.id });
      expect(await balances(agent)).toEqual([0n, 0n, 0n, 300n]);
    });

    it('voids a reservation, and refuses to post it or an unknown one afterwards', async () => {
      const { dealer, agent } = await limited();
      const hold = await reserve(dealer, agent, 400n);
      await ledger.transfer({ type: 'void', id: newId(), pendingId: hold.id });
      expect(await balances(dealer)).toEqual([0n, 0n, 0n, 1_000n]);
      expect(await refusal(ledger.transfer({ type: 'post', id: newId(), pendingId: hold.id }))).toBe('pending_already_voided');
      expect(await refusal(ledger.transfer({ type: 'post', id: newId(), pendingId: newId() }))).toBe('pending_not_found');
      const posted = await pay(dealer, agent, 10n);
      expect(await refusal(ledger.transfer({ type: 'void', id: newId(), pendingId: posted.id }))).toBe('pending_not_found');
    });

    it('posts a reservation made in the same batch, leaving nothing for the expiry sweep', async () => {
      const { dealer, agent } = await limited();
      const holdId = newId();
      const [, post] = await Promise.all([
        ledger.transfer({ type: 'pending', id: holdId, debitAccountId: dealer, creditAccountId: agent, amount: 100n, currency: 'EUR', timeoutSeconds: 1 }),
        ledger.transfer({ type: 'post', id: newId(), pendingId: holdId }),
      ]);
      expect(post).toMatchObject({ type: 'post', amount: 100n });
      const open = await database.db.connection.query('SELECT 1 FROM "ledger_pending_open" WHERE "pending_id" = $1::uuid', [holdId]);
      expect(open).toEqual([]);
      expect(await balances(agent)).toEqual([0n, 0n, 0n, 100n]);
    });

    it('expires a reservation once its timeout has passed at the time the sweep is given', async () => {
      const { dealer, agent } = await limited();
      const hold = await reserve(dealer, agent, 500n, 60);
      expect(hold.expiresAt).toEqual(new Date(START.getTime() + 60_000));
      expect(await ledger.expirePending(new Date(START.getTime() + 59_999))).toBe(0);
      expect(await balances(dealer)).toEqual([500n, 0n, 0n, 1_000n]);
      now = new Date(START.getTime() + 60_000);
      expect(await refusal(ledger.transfer({ type: 'post', id: newId(), pendingId: hold.id }))).toBe('pending_expired');
      expect(await ledger.expirePending(now)).toBe(1);
      expect(await ledger.expirePending(now)).toBe(0);
      expect(await balances(dealer)).toEqual([0n, 0n, 0n, 1_000n]);
      expect(await refusal(ledger.transfer({ type: 'void', id: newId(), pendingId: hold.id }))).toBe('pending_expired');
    });
  });

  describe('history', () => {
    it('pages through an account in order with its balances after each transfer, and gives the balances at any time', async () => {
      const [a, b] = [await account(), await account()];
      for (let i = 1; i <= 5; i++) {
        now = new Date(START.getTime() + i * 1_000);
        await pay(a, b, BigInt(i * 100));
      }
      const first = await ledger.history(b, { limit: 3 });
      expect(first.entries.map((e) => [e.side, e.transfer.amount, e.balancesAfter.creditsPosted])).toEqual([
        ['credit', 100n, 100n],
        ['credit', 200n, 300n],
        ['credit', 300n, 600n],
      ]);
      const second = await ledger.history(b, { limit: 3, after: first.nextAfter });
      expect(second.entries.map((e) => e.balancesAfter.creditsPosted)).toEqual([1_000n, 1_500n]);
      expect(second.nextAfter).toBeUndefined();
      expect(four(await ledger.balancesAt(a, new Date(START.getTime() + 2_500)))).toEqual([0n, 300n, 0n, 0n]);
      expect(four(await ledger.balancesAt(a, START))).toEqual([0n, 0n, 0n, 0n]);
      expect(four(await ledger.balancesAt(a, new Date(START.getTime() + 9_000)))).toEqual([0n, 1_500n, 0n, 0n]);
    });
  });
}
