import { findLedgerViolations } from './ledger-invariants.query';
import { Ledger } from './ledger';
import { LedgerError } from './ledger.error';
import type { TransferRequest } from './ledger.types';
import { type LedgerDatabase, newId, openLedgerDatabase } from './testing/ledger-database.fixture';

jest.setTimeout(120_000);

const AGENTS = 200;
const PRICE = 10n;

/**
 * Many agents pay at once against one dealer's limit, through two ledgers (two writers, as two
 * replicas of a service would be: on PostgreSQL each with a pool of its own), then every request
 * again on the other writer (a client retrying). Exactly the allowed number succeed, each once.
 */
describe.each(['postgres', 'pglite'] as const)(`${Ledger.name} under concurrency (%s)`, (kind) => {
  let database: LedgerDatabase;

  beforeAll(async () => {
    database = await openLedgerDatabase(kind, 10);
  });
  afterAll(() => database?.close());

  it('lets exactly the allowed number through: nothing lost, nothing doubled, no limit passed', async () => {
    const writers = [database.openLedger(), await database.openReplica()];
    const [ledger] = writers as [Ledger];
    const [bank, dealer] = [newId(), newId()];
    const agents = Array.from({ length: AGENTS }, () => newId());
    await ledger.createAccounts([
      { id: bank, currency: 'EUR', kind: 'bank' },
      { id: dealer, currency: 'EUR', kind: 'dealer', debitsMustNotExceedCredits: true, creditLimit: 500n },
      ...agents.map((id) => ({ id, currency: 'EUR', kind: 'agent' })),
    ]);
    // Funded through both writers in turn: each now holds the dealer's balances, the first a stale copy.
    for (const writer of writers) await writer.transfer({ id: newId(), debitAccountId: bank, creditAccountId: dealer, amount: 500n, currency: 'EUR' });
    const allowed = Number((1_000n + 500n) / PRICE);

    const requests: TransferRequest[] = agents.map((agent) => ({
      id: newId(),
      debitAccountId: dealer,
      creditAccountId: agent,
      amount: PRICE,
      currency: 'EUR',
    }));
    // Half the agents on each writer at once; then each request again on the other writer (a client
    // that retried on another replica): the same answers, nothing written twice.
    const settled = await Promise.allSettled(requests.map((request, i) => writers[i % 2].transfer(request)));
    const retried = await Promise.allSettled(requests.map((request, i) => writers[(i + 1) % 2].transfer({ ...request })));

    const accepted = requests.filter((_, i) => settled[i]?.status === 'fulfilled');
    expect(accepted).toHaveLength(allowed);
    expect(retried.map((r) => r.status)).toEqual(settled.map((r) => r.status));
    const refusals = [...settled, ...retried].flatMap((r): unknown[] => (r.status === 'rejected' ? [r.reason] : []));
    expect(refusals.every((e) => e instanceof LedgerError && e.code === 'exceeds_credits')).toBe(true);
    const [stored] = await database.db.connection.query<{ n: string; ids: string }>(
      `SELECT COUNT(*)::text AS n, COUNT(DISTINCT "id")::text AS ids FROM "ledger_transfer" WHERE "debit_account_id" = $1::uuid`,
      [dealer],
    );
    expect([Number(stored?.n), Number(stored?.ids)]).toEqual([allowed, allowed]);
    const after = await ledger.account(dealer);
    expect([after.debitsPosted, after.creditsPosted]).toEqual([BigInt(allowed) * PRICE, 1_000n]);
    expect(await findLedgerViolations(database.db.connection)).toEqual([]);
  });
});
