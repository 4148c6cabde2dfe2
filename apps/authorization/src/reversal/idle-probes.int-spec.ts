import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import type { Database } from '@payments/persistence';
import { openScratchSchema, type ScratchSchema } from '@payments/persistence/testing';

import { CashierPromptRepository } from '../cashier-prompt/cashier-prompt.repository';
import { PrismaClient } from '../generated/prisma/client';
import { OperationRepository } from '../operation/operation.repository';
import { ReversalRepository } from './reversal.repository';

jest.setTimeout(60_000);

const url = process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments';
const MIGRATIONS = join(__dirname, '..', '..', 'prisma', 'migrations');
const STALE_AFTER_MS = 30_000;

/**
 * The one statement each idle pass makes (the reversal worker's and the prompt expiry's), on
 * real PostgreSQL and on PGlite: yes for what the full reads take, no for the rows they leave,
 * and when the first waiting row falls due (the worker sleeps until then).
 * (The Prisma reads themselves name the service's schema, so they are not run here.)
 */
describe.each(['postgres', 'pglite'] as const)('idle passes (%s)', (kind) => {
  let scratch: ScratchSchema;
  let schema: string;
  let db: Database;
  let client: PrismaClient;
  let reversals: ReversalRepository;
  let prompts: CashierPromptRepository;
  let now: Date;
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

  beforeAll(async () => {
    scratch = await openScratchSchema(kind, { appSchema: 'authorization', migrationsDir: MIGRATIONS, url, poolSize: 2 });
    ({ db, schema } = scratch);
    await db.connection.query(
      `INSERT INTO "${schema}"."terminal_batch" ("terminal_id", "batch_number", "merchant_id", "status") VALUES ('T1', 1, 'SHOP1', 'open')`,
    );
    client = new PrismaClient({ adapter: db.adapter });
    const operations = new OperationRepository(client, db.connection);
    reversals = new ReversalRepository(client, operations);
    prompts = new CashierPromptRepository(client, operations);
  });

  afterAll(async () => {
    await client?.$disconnect();
    await scratch?.close();
  });

  beforeEach(async () => {
    now = new Date();
    for (const table of ['cashier_prompt', 'reversal', 'transaction_status_change', 'transaction'])
      await db.connection.exec(`DELETE FROM "${schema}"."${table}"`);
  });

  const journaled = async (row: { operation?: string; status: string; updatedAt?: string; expiresAt?: string; completedMinor?: number }) => {
    const id = randomUUID();
    await db.connection.query(
      `INSERT INTO "${schema}"."transaction" ("id", "operation", "terminal_id", "merchant_id", "amount_minor", "currency", "request_hash",
         "business_day", "batch_number", "status", "updated_at", "expires_at", "completed_minor")
       VALUES ($1::uuid, $2, 'T1', 'SHOP1', 1250, 'EUR', 'h', CURRENT_DATE, 1, $3, $4::timestamptz, $5::timestamptz, $6)`,
      [id, row.operation ?? 'purchase', row.status, row.updatedAt ?? now.toISOString(), row.expiresAt ?? null, row.completedMinor ?? 0],
    );
    return id;
  };
  const queued = async (nextAttemptAt: string, status = 'pending') =>
    db.connection.query(
      `INSERT INTO "${schema}"."reversal" ("transaction_id", "status", "reason", "next_attempt_at") VALUES ($1::uuid, $2, 'r', $3::timestamptz)`,
      [await journaled({ status: 'unknown' }), status, nextAttemptAt],
    );
  const prompted = async (expiresAt: string, status = 'open') =>
    db.connection.query(
      `INSERT INTO "${schema}"."cashier_prompt" ("id", "transaction_id", "terminal_id", "kind", "text", "input", "status", "expires_at")
       VALUES ($1::uuid, $2::uuid, 'T1', 'confirm', 'Go on?', '"yes_no"', $3, $4::timestamptz)`,
      [randomUUID(), await journaled({ status: 'awaiting_cashier' }), status, expiresAt],
    );
  const dueWork = () => reversals.dueWork(new Date(now.getTime() - STALE_AFTER_MS), now);

  it('finds nothing due on an idle journal, though recent and closed rows are there', async () => {
    await journaled({ status: 'pending', updatedAt: ago(1_000) });
    await journaled({ status: 'approved', updatedAt: ago(3_600_000) });
    await journaled({ operation: 'preauthorization', status: 'approved', expiresAt: ago(-60_000) });
    await journaled({ operation: 'preauthorization', status: 'approved', expiresAt: ago(60_000), completedMinor: 1250 });
    await queued(ago(-60_000));
    await queued(ago(60_000), 'acknowledged');
    await prompted(ago(-60_000));
    await prompted(ago(60_000), 'answered');

    // The earliest of what waits: the recent pending attempt goes stale first.
    expect(await dueWork()).toEqual({
      stalePending: false,
      lapsedPreauthorizations: false,
      reversals: false,
      nextDueAt: new Date(ago(1_000 - STALE_AFTER_MS)),
    });
    expect(await prompts.firstExpiry()).toEqual(new Date(ago(-60_000)));
  });

  it('knows of nothing to wake for on an empty journal', async () => {
    expect(await dueWork()).toEqual({ stalePending: false, lapsedPreauthorizations: false, reversals: false, nextDueAt: null });
    expect(await prompts.firstExpiry()).toBeNull();
  });

  it('says a pending attempt is stale once it has not changed for longer than any answer takes', async () => {
    await journaled({ status: 'pending', updatedAt: ago(STALE_AFTER_MS + 1_000) });

    expect(await dueWork()).toEqual({ stalePending: true, lapsedPreauthorizations: false, reversals: false, nextDueAt: new Date(ago(1_000)) });
  });

  it('says an approved preauthorization past its expiry and never completed has lapsed', async () => {
    await journaled({ operation: 'preauthorization', status: 'approved', expiresAt: ago(1) });

    expect(await dueWork()).toEqual({ stalePending: false, lapsedPreauthorizations: true, reversals: false, nextDueAt: new Date(ago(1)) });
  });

  it('says a pending reversal is due once its next attempt time has come', async () => {
    await queued(ago(1_000));

    expect(await dueWork()).toEqual({ stalePending: false, lapsedPreauthorizations: false, reversals: true, nextDueAt: new Date(ago(1_000)) });
  });

  it('says an open prompt past its expiry has expired', async () => {
    await prompted(ago(1));

    expect(await prompts.firstExpiry()).toEqual(new Date(ago(1)));
  });
});
