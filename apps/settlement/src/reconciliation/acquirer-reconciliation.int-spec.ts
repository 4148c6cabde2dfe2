import { join } from 'node:path';

import type { SqlConnection, SqlQueryRunner } from '@payments/persistence';
import { openScratchSchema, type ScratchSchema } from '@payments/persistence/testing';

import { BusinessDayCalendar } from '../business-day/business-day.calendar';
import { CutOff } from '../business-day/cut-off';
import { SettlementBatchRepository } from '../close-day/settlement-batch.repository';
import { SettlementLineRepository } from '../lines/settlement-line.repository';
import { purchaseLine } from '../lines/testing/settlement-line.fixture';
import { BatchPostingsService } from '../postings/batch-postings.service';
import { loadPostingMapping } from '../postings/posting-mapping.loader';
import { PostingRepository } from '../postings/posting.repository';
import { AcquirerFeeSchedule } from './acquirer-fee.schedule';
import { AcquirerReportRepository } from './acquirer-report.repository';
import { ImportAcquirerReportOutcome, ImportAcquirerReportUseCase } from './import-acquirer-report.usecase';
import { ReconciliationBreakRepository } from './reconciliation-break.repository';
import { ResolveBreakUseCase } from './resolve-break.usecase';
import { acquirerReportFile, unbalanced } from './testing/acquirer-report-file.util';

jest.setTimeout(60_000);

const url = process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments';
const MIGRATIONS = join(__dirname, '..', '..', 'prisma', 'migrations');
const DAY = '2026-12-01';
const LATER = new Date('2026-12-02T08:00:00Z');

/** Import and reconciliation of an acquirer's settlement report, and the resolution of breaks, on real PostgreSQL and on PGlite. */
describe.each(['postgres', 'pglite'] as const)(`${ImportAcquirerReportUseCase.name} (%s)`, (kind) => {
  let scratch: ScratchSchema;
  let lines: SettlementLineRepository;
  let breaks: ReconciliationBreakRepository;
  let batches: SettlementBatchRepository;
  let sut: ImportAcquirerReportUseCase;
  let resolve: ResolveBreakUseCase;
  let acquirers = 0;
  let acquirerId: string;

  beforeAll(async () => {
    scratch = await openScratchSchema(kind, { appSchema: 'settlement', migrationsDir: MIGRATIONS, url, poolSize: 4 });
    const connection = scratch.db.connection;
    lines = new SettlementLineRepository(connection);
    breaks = new ReconciliationBreakRepository(connection);
    batches = new SettlementBatchRepository(connection, new BatchPostingsService(loadPostingMapping(), new PostingRepository(connection)));
    resolve = new ResolveBreakUseCase(breaks);
  });
  afterAll(() => scratch?.close());
  beforeEach(() => {
    acquirers += 1;
    acquirerId = `acq-${kind}-${acquirers}`;
    // Each acquirer of this spec charges 1.50 % + 0.10 on visa.
    const fees = new AcquirerFeeSchedule({ [acquirerId]: { visa: { basisPoints: 150, fixedMinor: 10n } } });
    const calendar = new BusinessDayCalendar('default', new CutOff('UTC', '00:00'));
    sut = new ImportAcquirerReportUseCase(calendar, batches, fees, new AcquirerReportRepository(scratch.db.connection));
  });

  const count = async (table: string, where = 'TRUE', params: unknown[] = []) =>
    Number((await scratch.db.connection.query<{ n: string }>(`SELECT count(*)::text AS "n" FROM "${table}" WHERE ${where}`, params))[0].n);
  const reconciled = (outcome: ImportAcquirerReportOutcome) => {
    if (outcome.kind !== 'reconciled') throw new Error(`expected the report reconciled, got ${JSON.stringify(outcome)}`);
    return outcome;
  };
  /** Six of our lines on DAY; the report agrees on three (a purchase, and a reversed purchase with its reversal), misses one, has a wrong fee, a wrong amount and one line we do not have. */
  const dayOfSixLines = async () => {
    const rrn = (n: number) => `6335${String(acquirers).padStart(4, '0')}${String(n).padStart(4, '0')}`;
    const agreed = purchaseLine(acquirerId, DAY, { rrn: rrn(1) });
    const missing = purchaseLine(acquirerId, DAY, { rrn: rrn(2), amountMinor: 5000n });
    const wrongFee = purchaseLine(acquirerId, DAY, { rrn: rrn(3) });
    const wrongAmount = purchaseLine(acquirerId, DAY, { rrn: rrn(4), amountMinor: 2000n });
    // A reversal: our second line of a purchase, the other way, under the same RRN (the purchase is reported too).
    const reversed = purchaseLine(acquirerId, DAY, { rrn: rrn(5), amountMinor: 800n });
    const reversal = { ...reversed, event: 'reversed' as const, direction: 'credit' as const };
    await lines.record([agreed, missing, wrongFee, wrongAmount, reversed, reversal]);
    const extra = { rrn: rrn(6), amountMinor: 777n, feeMinor: 22n };
    const file = await acquirerReportFile(acquirerId, DAY, [
      { rrn: agreed.rrn!, amountMinor: 1250n, feeMinor: 29n },
      { rrn: wrongFee.rrn!, amountMinor: 1250n, feeMinor: 35n },
      { rrn: wrongAmount.rrn!, amountMinor: 2100n, feeMinor: 42n },
      { rrn: reversed.rrn!, amountMinor: 800n, feeMinor: 22n },
      { rrn: reversal.rrn!, amountMinor: -800n, feeMinor: 0n },
      extra,
    ]);
    return { agreed, missing, wrongFee, wrongAmount, reversal, extra, file };
  };

  it('finds exactly the missing, the extra, the wrong-fee and the wrong-amount line, with both sides, and reports counts and sums per kind', async () => {
    const day = await dayOfSixLines();
    const { report, created } = reconciled(await sut.execute({ acquirerId, bytes: day.file, fileName: 'SR_1.csv' }));
    expect(created).toBe(true);
    const found = await breaks.list({ reportId: report.id }, 100);
    expect(
      found.map((b) => [b.kind, b.rrn, b.ourTransactionId, b.ourAmountMinor, b.theirAmountMinor, b.ourFeeMinor, b.theirFeeMinor, b.status]).sort(),
    ).toEqual(
      [
        ['amount_difference', day.wrongAmount.rrn, day.wrongAmount.transactionId, 2000n, 2100n, 40n, 42n, 'open'],
        ['fee_difference', day.wrongFee.rrn, day.wrongFee.transactionId, 1250n, 1250n, 29n, 35n, 'open'],
        ['missing_ours', day.extra.rrn, null, null, 777n, null, 22n, 'open'],
        ['missing_theirs', day.missing.rrn, day.missing.transactionId, 5000n, null, null, null, 'open'],
      ].sort(),
    );
    expect(report).toMatchObject({ acquirerId, businessDay: DAY, lineCount: 6, fileName: 'SR_1.csv', status: 'current', breakCount: 4, openBreakCount: 4 });
    expect(report.totals).toEqual([
      { kind: 'amount_difference', currency: 'EUR', count: 1, ourAmountMinor: 2000n, theirAmountMinor: 2100n, theirFeeMinor: 42n },
      { kind: 'fee_difference', currency: 'EUR', count: 1, ourAmountMinor: 1250n, theirAmountMinor: 1250n, theirFeeMinor: 35n },
      // The agreed purchase, the reversed purchase and its reversal (signed): 12.50 + 8.00 - 8.00.
      { kind: 'matched', currency: 'EUR', count: 3, ourAmountMinor: 1250n, theirAmountMinor: 1250n, theirFeeMinor: 51n },
      { kind: 'missing_ours', currency: 'EUR', count: 1, ourAmountMinor: 0n, theirAmountMinor: 777n, theirFeeMinor: 22n },
      { kind: 'missing_theirs', currency: 'EUR', count: 1, ourAmountMinor: 5000n, theirAmountMinor: 0n, theirFeeMinor: 0n },
    ]);
    // The acquirer's fee is kept on each matched line.
    const matched = await scratch.db.connection.query<{ fee: string; tx: string; event: string }>(
      `SELECT "fee_minor"::text AS "fee", "matched_transaction_id"::text AS "tx", "matched_event" AS "event" FROM "acquirer_report_line"
        WHERE "report_id" = $1::uuid AND "rrn" = $2 ORDER BY "line_no"`,
      [report.id, day.reversal.rrn],
    );
    expect(matched).toEqual([
      { fee: '22', tx: day.reversal.transactionId, event: 'authorized' },
      { fee: '0', tx: day.reversal.transactionId, event: 'reversed' },
    ]);
    const [event] = await scratch.db.connection.query<{ payload: { breakCount: number; totals: unknown[] } }>(
      `SELECT "payload" FROM "outbox_message" WHERE "topic" = 'settlement.acquirer-report.reconciled.v1' AND "message_key" = $1`,
      [acquirerId],
    );
    expect(event.payload.breakCount).toBe(4);
    expect(event.payload.totals).toContainEqual({
      kind: 'missing_ours',
      currency: 'EUR',
      count: 1,
      ourAmountMinor: '0',
      theirAmountMinor: '777',
      theirFeeMinor: '22',
    });
  });

  it('takes the same file again as the same import, storing nothing twice', async () => {
    const { file } = await dayOfSixLines();
    const first = reconciled(await sut.execute({ acquirerId, bytes: file }));
    const again = reconciled(await sut.execute({ acquirerId, bytes: file }));
    expect(again).toMatchObject({ created: false, report: { id: first.report.id, breakCount: 4 } });
    expect(await count('acquirer_report', '"acquirer_id" = $1', [acquirerId])).toBe(1);
    expect(await count('reconciliation_break', '"acquirer_id" = $1', [acquirerId])).toBe(4);
    expect(await count('outbox_message', '"message_key" = $1', [acquirerId])).toBe(1);
  });

  it('makes one import of five concurrent imports of the same file, and refuses a concurrent other file for the day', async () => {
    const { file, agreed } = await dayOfSixLines();
    const other = await acquirerReportFile(acquirerId, DAY, [{ rrn: agreed.rrn!, amountMinor: 1250n, feeMinor: 29n }], 2);
    const outcomes = await Promise.all([
      ...Array.from({ length: 5 }, () => sut.execute({ acquirerId, bytes: file })),
      sut.execute({ acquirerId, bytes: other }),
    ]);
    const ids = new Set(outcomes.flatMap((o) => (o.kind === 'reconciled' ? [o.report.id] : [])));
    const refused = outcomes.filter((o) => o.kind === 'day_already_reconciled');
    expect(await count('acquirer_report', '"acquirer_id" = $1', [acquirerId])).toBe(1);
    expect(ids.size).toBe(1);
    // Whichever file came first: the other one's imports are refused naming it.
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((o) => o.kind === 'day_already_reconciled' && ids.has(o.earlierReportId))).toBe(true);
    expect(outcomes.filter((o) => o.kind === 'reconciled' && o.created)).toHaveLength(1);
  });

  it('refuses a report that does not balance, storing nothing', async () => {
    const { file, agreed, missing } = await dayOfSixLines();
    const outcome = await sut.execute({ acquirerId, bytes: unbalanced(file) });
    expect(outcome).toEqual({ kind: 'refused_file', reason: expect.stringContaining('trailer field totalAmountMinor') as string });
    expect(await count('acquirer_report', '"acquirer_id" = $1', [acquirerId])).toBe(0);
    expect(await count('acquirer_report_line', '"rrn" = ANY($1::text[])', [[agreed.rrn, missing.rrn]])).toBe(0);
    expect(await count('reconciliation_break', '"acquirer_id" = $1', [acquirerId])).toBe(0);
    expect(await count('outbox_message', '"message_key" = $1', [acquirerId])).toBe(0);
  });

  it('refuses an unknown acquirer and a file whose header names another one', async () => {
    await expect(sut.execute({ acquirerId: 'nobody', bytes: await acquirerReportFile('nobody', DAY, []) })).resolves.toEqual({
      kind: 'unknown_acquirer',
      acquirerId: 'nobody',
    });
    const { file } = await dayOfSixLines();
    await expect(sut.execute({ acquirerId: 'default', bytes: file })).resolves.toEqual({
      kind: 'refused_file',
      reason: `the file's header names acquirer "${acquirerId}", not "default"`,
    });
  });

  it('refuses another file for a day already reconciled, naming the import, and replaces it only when asked', async () => {
    const day = await dayOfSixLines();
    const first = reconciled(await sut.execute({ acquirerId, bytes: day.file }));
    const corrected = await acquirerReportFile(acquirerId, DAY, [{ rrn: day.agreed.rrn!, amountMinor: 1250n, feeMinor: 29n }], 2);
    await expect(sut.execute({ acquirerId, bytes: corrected })).resolves.toEqual({
      kind: 'day_already_reconciled',
      businessDay: DAY,
      earlierReportId: first.report.id,
    });
    expect(await count('acquirer_report', '"acquirer_id" = $1', [acquirerId])).toBe(1);

    const second = reconciled(await sut.execute({ acquirerId, bytes: corrected, replace: true }));
    expect(second.report).toMatchObject({ status: 'current', lineCount: 1 });
    expect(await sut.execute({ acquirerId, bytes: day.file })).toMatchObject({
      report: { id: first.report.id, status: 'replaced', replacedBy: second.report.id },
    });
    // The replaced report's open breaks are no longer open: they cannot be resolved any more.
    expect((await breaks.list({ reportId: first.report.id, status: 'replaced' }, 100)).length).toBe(4);
    expect(await count('reconciliation_break', '"report_id" = $1::uuid AND "status" = \'open\'', [first.report.id])).toBe(0);
  });

  it('matches in the same eight statements whatever the number of lines (set-based, none per line)', async () => {
    const statementsFor = async (lineCount: number): Promise<number> => {
      const day = `2026-11-${String(10 + (lineCount % 20)).padStart(2, '0')}`;
      const ours = Array.from({ length: lineCount }, (_, n) =>
        purchaseLine(acquirerId, day, { rrn: `7${String(lineCount).padStart(3, '0')}${String(n).padStart(8, '0')}` }),
      );
      await lines.record(ours);
      const statements: string[] = [];
      const connection = scratch.db.connection;
      const counting = (tx: SqlQueryRunner): SqlQueryRunner =>
        Object.assign(Object.create(tx) as SqlQueryRunner, {
          query: (sql: string, params?: readonly unknown[]) => (statements.push(sql), tx.query(sql, params)),
          execute: (sql: string, params?: readonly unknown[]) => (statements.push(sql), tx.execute(sql, params)),
        });
      const counted = Object.assign(Object.create(connection) as SqlConnection, {
        transaction: <T>(fn: (tx: SqlQueryRunner) => Promise<T>) => connection.transaction((tx) => fn(counting(tx))),
      });
      const fees = new AcquirerFeeSchedule({ [acquirerId]: { visa: { basisPoints: 150, fixedMinor: 10n } } });
      const calendar = new BusinessDayCalendar('default', new CutOff('UTC', '00:00'));
      const counter = new ImportAcquirerReportUseCase(calendar, batches, fees, new AcquirerReportRepository(counted));
      // Every other line reported, with the expected fee: half matched, half missing on theirs.
      const reported = ours.filter((_, n) => n % 2 === 0).map((l) => ({ rrn: l.rrn!, amountMinor: l.amountMinor, feeMinor: 29n }));
      const { report } = reconciled(await counter.execute({ acquirerId, bytes: await acquirerReportFile(acquirerId, day, reported) }));
      expect(report.totals.map((t) => [t.kind, t.count])).toEqual([
        ['matched', reported.length],
        ['missing_theirs', lineCount - reported.length],
      ]);
      return statements.length;
    };
    expect(await statementsFor(2)).toBe(8);
    expect(await statementsFor(120)).toBe(8);
  });

  it('resolves a break once, with a reason, keeping who and when', async () => {
    const { file } = await dayOfSixLines();
    const { report } = reconciled(await sut.execute({ acquirerId, bytes: file }));
    const [first] = await breaks.list({ reportId: report.id, status: 'open' }, 1);
    const now = new Date('2026-12-02T09:15:00Z');
    await expect(resolve.execute({ breakId: first.id, reason: '  ', resolvedBy: 'operator-key:abc', now })).resolves.toEqual({ kind: 'no_reason' });
    const done = await resolve.execute({ breakId: first.id, reason: ' acquirer corrects it on the next report ', resolvedBy: 'operator-key:abc', now });
    expect(done).toEqual({
      kind: 'resolved',
      break: expect.objectContaining({
        id: first.id,
        status: 'resolved',
        resolutionReason: 'acquirer corrects it on the next report',
        resolvedBy: 'operator-key:abc',
        resolvedAt: now,
      }) as object,
    });
    const again = await resolve.execute({ breakId: first.id, reason: 'another reason', resolvedBy: 'operator-key:def', now: LATER });
    expect(again).toMatchObject({ kind: 'not_open', break: { resolutionReason: 'acquirer corrects it on the next report', resolvedBy: 'operator-key:abc' } });
    await expect(resolve.execute({ breakId: '00000000-0000-4000-8000-000000000000', reason: 'x', resolvedBy: 'k', now })).resolves.toEqual({
      kind: 'not_found',
    });
    expect((await breaks.list({ acquirerId, businessDay: DAY, status: 'open' }, 100)).map((b) => b.id)).not.toContain(first.id);
    expect((await sut.execute({ acquirerId, bytes: file })).kind).toBe('reconciled');
    expect(await breaks.list({ reportId: report.id, status: 'open' }, 100)).toHaveLength(3);
  });
});
