import { randomUUID } from 'node:crypto';

import { createDatabase, type Database } from '@payments/persistence';

import { findLedgerViolations } from './ledger-invariants.query';
import { Ledger } from './ledger';
import { LedgerError } from './ledger.error';
import type { TransferRequest } from './ledger.types';
import { type LedgerDatabase, newId, openLedgerDatabase } from './testing/ledger-database.fixture';

jest.setTimeout(120_000);

const CLIENTS = 100;
const TRANSFERS = 1_000;
const PRICE = 10n;

/**
 * The writer's database sessions are killed again and again while batches are in flight (as when
 * the server or the process dies mid-write). Each client retries what failed with the same id, as
 * a real caller would. A batch is one statement: it is written whole or not at all, so at the end
 * every transfer is there once or refused, and the invariants hold.
 */
describe(`${Ledger.name} with its sessions killed mid-batch (postgres)`, () => {
  let database: LedgerDatabase;
  let victim: Database;
  const applicationName = `ledger_crash_${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    database = await openLedgerDatabase('postgres');
    const url = new URL(process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments');
    url.searchParams.set('application_name', applicationName);
    victim = await createDatabase({ kind: 'postgres', url: url.toString(), schema: database.schema, poolSize: 4 });
  });
  afterAll(async () => {
    await victim?.close();
    await database?.close();
  });

  it('leaves every transfer written once or refused, whatever batch the kill hit', async () => {
    const setup = database.openLedger();
    const [bank, dealer] = [newId(), newId()];
    const agents = Array.from({ length: 50 }, () => newId());
    await setup.createAccounts([
      { id: bank, currency: 'EUR', kind: 'bank' },
      { id: dealer, currency: 'EUR', kind: 'dealer', debitsMustNotExceedCredits: true },
      ...agents.map((id) => ({ id, currency: 'EUR', kind: 'agent' })),
    ]);
    await setup.transfer({ id: newId(), debitAccountId: bank, creditAccountId: dealer, amount: 8_000n, currency: 'EUR' });
    const allowed = Number(8_000n / PRICE);

    const ledger = new Ledger(victim.connection);
    const requests: TransferRequest[] = Array.from({ length: TRANSFERS }, (_, i) => ({
      id: newId(),
      debitAccountId: dealer,
      creditAccountId: agents[i % agents.length],
      amount: PRICE,
      currency: 'EUR',
    }));
    let killed = 0;
    let interrupted = 0;
    let running = true;
    const killer = (async () => {
      while (running) {
        await new Promise((resolve) => setTimeout(resolve, 15));
        const rows = await database.db.connection.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND state = 'active'`,
          [applicationName],
        );
        killed += rows.length;
      }
    })();
    const outcome = async (request: TransferRequest): Promise<'accepted' | 'refused'> => {
      for (;;) {
        try {
          await ledger.transfer(request);
          return 'accepted';
        } catch (error) {
          if (error instanceof LedgerError) return 'refused';
          interrupted += 1;
        }
      }
    };
    let next = 0;
    const results: ('accepted' | 'refused')[] = [];
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < requests.length) {
          const i = next++;
          results[i] = await outcome(requests[i]);
        }
      }),
    );
    running = false;
    await killer;

    expect(killed).toBeGreaterThan(0);
    expect(interrupted).toBeGreaterThan(0);
    expect(results.filter((r) => r === 'accepted')).toHaveLength(allowed);
    const [stored] = await database.db.connection.query<{ n: string; ids: string }>(
      `SELECT COUNT(*)::text AS n, COUNT(DISTINCT "id")::text AS ids FROM "ledger_transfer" WHERE "debit_account_id" = $1::uuid`,
      [dealer],
    );
    expect([Number(stored?.n), Number(stored?.ids)]).toEqual([allowed, allowed]);
    const accepted = new Set(requests.filter((_, i) => results[i] === 'accepted').map((r) => r.id));
    const written = await database.db.connection.query<{ id: string }>(`SELECT "id" FROM "ledger_transfer" WHERE "debit_account_id" = $1::uuid`, [dealer]);
    expect(new Set(written.map((r) => r.id))).toEqual(accepted);
    expect(await findLedgerViolations(database.db.connection)).toEqual([]);
  });
});
