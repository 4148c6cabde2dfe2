import { join } from 'node:path';

import type { SqlConnection, SqlQueryRunner } from '@payments/persistence';
import { openScratchSchema, type ScratchSchema } from '@payments/persistence/testing';

import shippedFile from '../../config/posting-mapping.json';
import { BusinessDayCalendar } from '../business-day/business-day.calendar';
import { CutOff } from '../business-day/cut-off';
import { CloseBusinessDayUseCase } from '../close-day/close-business-day.usecase';
import { SettlementBatch } from '../close-day/settlement-batch';
import { SettlementBatchRepository } from '../close-day/settlement-batch.repository';
import { SettlementLineRepository } from '../lines/settlement-line.repository';
import { purchaseLine } from '../lines/testing/settlement-line.fixture';
import { BatchPostingsService } from './batch-postings.service';
import { PostingMapping } from './posting-mapping';
import { loadPostingMapping } from './posting-mapping.loader';
import { PostingRepository } from './posting.repository';
import { trialBalanceOf } from './trial-balance';
import { TrialBalanceRepository } from './trial-balance.repository';

jest.setTimeout(60_000);

const url = process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments';
const MIGRATIONS = join(__dirname, '..', '..', 'prisma', 'migrations');
const LATER = new Date('2027-01-01T00:00:00Z');
const shipped = loadPostingMapping();

/** Postings booked by the close of day, and the trial balance, on real PostgreSQL and on PGlite. */
describe.each(['postgres', 'pglite'] as const)(`${BatchPostingsService.name} (%s)`, (kind) => {
  let scratch: ScratchSchema;
  let lines: SettlementLineRepository;
  let postings: PostingRepository;
  let acquirers = 0;
  let acquirerId: string;
  /** Statements run inside close-of-day transactions, when counting. */
  let statements: string[] | undefined;

  beforeAll(async () => {
    scratch = await openScratchSchema(kind, { appSchema: 'settlement', migrationsDir: MIGRATIONS, url, poolSize: 4 });
    lines = new SettlementLineRepository(scratch.db.connection);
    postings = new PostingRepository(scratch.db.connection);
  });
  afterAll(() => scratch?.close());
  beforeEach(() => {
    acquirers += 1;
    acquirerId = `acq-${kind}-${acquirers}`;
    statements = undefined;
  });

  /** The connection, counting what each close-of-day transaction runs. */
  const counted = (): SqlConnection => {
    const connection = scratch.db.connection;
    const counting = (tx: SqlQueryRunner): SqlQueryRunner =>
      Object.assign(Object.create(tx) as SqlQueryRunner, {
        query: (sql: string, params?: readonly unknown[]) => (statements?.push(sql), tx.query(sql, params)),
        execute: (sql: string, params?: readonly unknown[]) => (statements?.push(sql), tx.execute(sql, params)),
      });
    return Object.assign(Object.create(connection) as SqlConnection, {
      transaction: <T>(fn: (tx: SqlQueryRunner) => Promise<T>) => connection.transaction((tx) => fn(counting(tx))),
    });
  };
  const closeWith = async (mapping: PostingMapping, businessDay: string) => {
    const connection = counted();
    const batches = new SettlementBatchRepository(connection, new BatchPostingsService(mapping, new PostingRepository(connection)));
    const calendar = new BusinessDayCalendar('default', new CutOff('UTC', '00:00'));
    return new CloseBusinessDayUseCase(calendar, batches).execute({ acquirerId, businessDay, now: LATER });
  };
  const closed = async (businessDay: string): Promise<SettlementBatch> => {
    const outcome = await closeWith(shipped, businessDay);
    if (outcome.kind !== 'closed') throw new Error(`expected the day closed, got ${outcome.kind}`);
    return outcome.batch;
  };
  const trialBalance = async (from: string, to: string, currency?: string) =>
    trialBalanceOf(await new TrialBalanceRepository(scratch.db.connection).movements({ from, to, acquirerId, currency }), (a) => shipped.accountName(a));
  const count = async (table: string, where = 'TRUE', params: unknown[] = []) =>
    Number((await scratch.db.connection.query<{ n: string }>(`SELECT count(*)::text AS "n" FROM "${table}" WHERE ${where}`, params))[0].n);

  it('books the postings of a closed day with the batch, gross per account pair and currency, balanced and traceable to the lines', async () => {
    const day = '2026-12-01';
    const purchase = purchaseLine(acquirerId, day, { amountMinor: 1999n });
    await lines.record([
      purchase,
      purchaseLine(acquirerId, day, { amountMinor: 5001n, merchantId: 'SHOP00000000002' }),
      purchaseLine(acquirerId, day, { operation: 'cancel', direction: 'credit', amountMinor: 1999n, originalTransactionId: purchase.transactionId }),
      purchaseLine(acquirerId, day, { scheme: null, amountMinor: 300n }),
      purchaseLine(acquirerId, day, { scheme: null, event: 'reversed', direction: 'credit', amountMinor: 300n }),
      purchaseLine(acquirerId, day, { scheme: 'mastercard', currency: 'CZK', amountMinor: 900719925474099312n }),
    ]);

    const batch = await closed(day);

    const booked = await postings.ofBatch(batch.id);
    expect(booked?.map((p) => [p.debitAccount, p.creditAccount, p.currency, p.amountMinor, p.lineCount])).toEqual([
      ['1011', '2010', 'EUR', 7000n, 2],
      ['1012', '2010', 'CZK', 900719925474099312n, 1],
      ['1019', '2010', 'EUR', 300n, 1],
      ['2010', '1011', 'EUR', 1999n, 1],
      ['2010', '1019', 'EUR', 300n, 1],
    ]);
    expect(booked?.every((p) => p.batchId === batch.id && p.businessDay === day && p.acquirerId === acquirerId)).toBe(true);
    expect(booked?.[0].sources.map((s) => [s.merchantId, s.operation, s.ruleId, s.lineCount, s.amountMinor])).toEqual([
      ['SHOP00000000001', 'purchase', 'visa-debit', 1, 1999n],
      ['SHOP00000000002', 'purchase', 'visa-debit', 1, 5001n],
    ]);
    expect(booked?.[3].sources).toMatchObject([{ operation: 'cancel', direction: 'credit', ruleId: 'visa-credit' }]);
    // Each posting's lines sum to it: what its sources name is in the batch, to the cent.
    const traced = await scratch.db.connection.query<{ amount: string }>(
      `SELECT sum("l"."amount_minor")::text AS "amount" FROM "settlement_line" AS "l" JOIN "settlement_posting_source" AS "s"
         ON "l"."event" = "s"."event" AND "l"."operation" = "s"."operation" AND "l"."direction" = "s"."direction"
        AND "l"."merchant_id" = "s"."merchant_id" AND coalesce("l"."scheme", 'unknown') = "s"."scheme" AND "l"."currency" = "s"."currency"
       WHERE "l"."batch_id" = $1::uuid AND "s"."posting_id" = $2::uuid`,
      [batch.id, booked?.[0].id],
    );
    expect(traced).toEqual([{ amount: '7000' }]);
    const entries = await scratch.db.connection.query<{ side: string; currency: string; amount: string }>(
      `SELECT "e"."side", "e"."currency", sum("e"."amount_minor")::text AS "amount" FROM "settlement_posting_entry" AS "e"
         JOIN "settlement_posting" AS "p" ON "p"."id" = "e"."posting_id" WHERE "p"."batch_id" = $1::uuid
       GROUP BY "e"."side", "e"."currency" ORDER BY "e"."currency", "e"."side"`,
      [batch.id],
    );
    expect(entries).toEqual([
      { side: 'credit', currency: 'CZK', amount: '900719925474099312' },
      { side: 'debit', currency: 'CZK', amount: '900719925474099312' },
      { side: 'credit', currency: 'EUR', amount: '9599' },
      { side: 'debit', currency: 'EUR', amount: '9599' },
    ]);
  });

  it('adds the same few statements to a close whatever the number of lines', async () => {
    await lines.record([purchaseLine(acquirerId, '2026-12-03')]);
    statements = [];
    await closed('2026-12-03');
    const few = statements.length;

    await lines.record(
      Array.from({ length: 60 }, (_, i) => purchaseLine(acquirerId, '2026-12-04', { merchantId: `SHOP${i % 7}`, scheme: i % 2 ? 'visa' : null })),
    );
    statements = [];
    await closed('2026-12-04');

    // Batch, then the lines linked and summed with their totals, counts and line groups (one statement), the postings' write and
    // day sums, the batch read back (2) and the outbox.
    expect(few).toBe(7);
    expect(statements).toHaveLength(few);
    expect(statements.filter((sql) => /settlement_posting|GROUP BY "event"/.test(sql))).toHaveLength(3);
  });

  it('does not close a day with a line no rule maps, and writes nothing, naming the line', async () => {
    const day = '2026-12-05';
    await lines.record([purchaseLine(acquirerId, day), purchaseLine(acquirerId, day, { currency: 'CZK', scheme: 'mastercard', amountMinor: 7n })]);
    const eurOnly = PostingMapping.of({ ...shippedFile, rules: shippedFile.rules.map((r) => ({ ...r, currency: 'EUR' })) }, 'eur-only.json');

    const outcome = await closeWith(eurOnly, day);

    expect(outcome).toEqual({
      kind: 'unmapped_lines',
      reason: 'no posting rule maps operation purchase (authorized, debit), merchant SHOP00000000001, scheme mastercard, currency CZK (1 line)',
    });
    expect(await count('settlement_batch', '"acquirer_id" = $1', [acquirerId])).toBe(0);
    expect(await count('settlement_posting', '"acquirer_id" = $1', [acquirerId])).toBe(0);
    expect(await count('settlement_line', '"acquirer_id" = $1 AND "batch_id" IS NULL', [acquirerId])).toBe(2);
    expect(await count('outbox_message', '"message_key" = $1', [acquirerId])).toBe(0);
    // Once the mapping covers it, the same day closes with both lines.
    expect(await closed(day)).toMatchObject({ lineCount: 2 });
  });

  it('rolls the close back when the day does not balance, naming the day and currency', async () => {
    const day = '2026-12-06';
    // An entry without its other side (as a defect would write it) for another acquirer on the same day.
    await scratch.db.connection.execute(
      `WITH "b" AS (INSERT INTO "settlement_batch" ("id", "acquirer_id", "business_day") VALUES (gen_random_uuid(), $1, $2::date) RETURNING "id"),
        "p" AS (INSERT INTO "settlement_posting" ("id", "batch_id", "acquirer_id", "business_day", "debit_account", "credit_account", "currency", "amount_minor", "line_count")
          SELECT gen_random_uuid(), "id", $1, $2::date, '1011', '2010', 'EUR', 5, 1 FROM "b" RETURNING *)
       INSERT INTO "settlement_posting_entry" ("posting_id", "side", "account", "currency", "amount_minor", "acquirer_id", "business_day")
       SELECT "id", 'debit', '1011', 'EUR', 5, $1, $2::date FROM "p"`,
      [`${acquirerId}-defect`, day],
    );
    await lines.record([purchaseLine(acquirerId, day)]);

    await expect(closeWith(shipped, day)).rejects.toThrow('postings do not balance: 2026-12-06 EUR debits 1255 != credits 1250 (minor units)');
    expect(await count('settlement_batch', '"acquirer_id" = $1', [acquirerId])).toBe(0);
    expect(await count('settlement_line', '"acquirer_id" = $1 AND "batch_id" IS NULL', [acquirerId])).toBe(1);
  });

  it('keeps postings as booked: an update or a delete is refused', async () => {
    await lines.record([purchaseLine(acquirerId, '2026-12-07')]);
    const batch = await closed('2026-12-07');

    for (const table of ['settlement_posting', 'settlement_posting_entry', 'settlement_posting_source'])
      await expect(scratch.db.connection.execute(`DELETE FROM "${table}" WHERE TRUE`)).rejects.toThrow(/postings are immutable/);
    await expect(scratch.db.connection.execute(`UPDATE "settlement_posting" SET "amount_minor" = 1 WHERE "batch_id" = $1::uuid`, [batch.id])).rejects.toThrow(
      /postings are immutable/,
    );
    expect((await postings.ofBatch(batch.id))?.map((p) => p.amountMinor)).toEqual([1250n]);
  });

  it('gives a trial balance over two days exact to the cent, opening with the days before', async () => {
    await lines.record([
      purchaseLine(acquirerId, '2026-12-10', { amountMinor: 1999n }),
      purchaseLine(acquirerId, '2026-12-10', { scheme: 'mastercard', amountMinor: 1n }),
      purchaseLine(acquirerId, '2026-12-11', { amountMinor: 5001n }),
      purchaseLine(acquirerId, '2026-12-11', { operation: 'refund', direction: 'credit', amountMinor: 999n }),
      purchaseLine(acquirerId, '2026-12-12', { amountMinor: 250n }),
      purchaseLine(acquirerId, '2026-12-12', { currency: 'CZK', amountMinor: 100000n }),
    ]);
    for (const day of ['2026-12-10', '2026-12-11', '2026-12-12']) await closed(day);

    const row = (account: string, currency: string, opening: bigint, debit: bigint, credit: bigint) => ({
      account,
      name: shipped.accountName(account),
      currency,
      openingMinor: opening,
      debitMinor: debit,
      creditMinor: credit,
      closingMinor: opening + debit - credit,
    });
    const twoDays = await trialBalance('2026-12-11', '2026-12-12');
    expect(twoDays.accounts).toEqual([
      row('1011', 'CZK', 0n, 100000n, 0n),
      row('1011', 'EUR', 1999n, 5251n, 999n),
      row('1012', 'EUR', 1n, 0n, 0n),
      row('2010', 'CZK', 0n, 0n, 100000n),
      row('2010', 'EUR', -2000n, 999n, 5251n),
    ]);
    expect(twoDays.checks).toEqual([
      { currency: 'CZK', openingMinor: 0n, debitMinor: 100000n, creditMinor: 100000n, closingMinor: 0n, balanced: true },
      { currency: 'EUR', openingMinor: 0n, debitMinor: 6250n, creditMinor: 6250n, closingMinor: 0n, balanced: true },
    ]);
    expect((await trialBalance('2026-12-10', '2026-12-10', 'EUR')).accounts).toEqual([
      row('1011', 'EUR', 0n, 1999n, 0n),
      row('1012', 'EUR', 0n, 1n, 0n),
      row('2010', 'EUR', 0n, 0n, 2000n),
    ]);
  });
});
