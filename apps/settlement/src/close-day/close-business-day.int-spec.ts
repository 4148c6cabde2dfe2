import { join } from 'node:path';

import { openScratchSchema, type ScratchSchema } from '@payments/persistence/testing';

import { BusinessDayCalendar } from '../business-day/business-day.calendar';
import { CutOff } from '../business-day/cut-off';
import { SettlementLineRepository } from '../lines/settlement-line.repository';
import { purchaseLine } from '../lines/testing/settlement-line.fixture';
import { BatchPostingsService } from '../postings/batch-postings.service';
import { loadPostingMapping } from '../postings/posting-mapping.loader';
import { PostingRepository } from '../postings/posting.repository';
import { CloseBusinessDayOutcome, CloseBusinessDayUseCase } from './close-business-day.usecase';
import { SettlementBatch } from './settlement-batch';
import { SettlementBatchRepository } from './settlement-batch.repository';

jest.setTimeout(60_000);

const url = process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments';
const MIGRATIONS = join(__dirname, '..', '..', 'prisma', 'migrations');
const DAY = '2026-12-01';
const NEXT_DAY = '2026-12-02';
/** Long after every day of this spec ended. */
const LATER = new Date('2027-01-01T00:00:00Z');

/** Close of day on real PostgreSQL and on PGlite (the embedded mode), each in a schema of its own. */
describe.each(['postgres', 'pglite'] as const)(`${CloseBusinessDayUseCase.name} (%s)`, (kind) => {
  let scratch: ScratchSchema;
  let lines: SettlementLineRepository;
  let batches: SettlementBatchRepository;
  let sut: CloseBusinessDayUseCase;
  let acquirers = 0;
  let acquirerId: string;

  beforeAll(async () => {
    scratch = await openScratchSchema(kind, { appSchema: 'settlement', migrationsDir: MIGRATIONS, url, poolSize: 6 });
    lines = new SettlementLineRepository(scratch.db.connection);
    const postings = new BatchPostingsService(loadPostingMapping(), new PostingRepository(scratch.db.connection));
    batches = new SettlementBatchRepository(scratch.db.connection, postings);
    const prague = new CutOff('Europe/Prague', '23:00');
    const cutOffs = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`acq-${kind}-${i + 1}`, prague]));
    sut = new CloseBusinessDayUseCase(new BusinessDayCalendar('default', new CutOff('UTC', '00:00'), cutOffs), batches);
  });
  afterAll(() => scratch?.close());
  beforeEach(() => {
    acquirers += 1;
    acquirerId = `acq-${kind}-${acquirers}`;
  });

  const close = (businessDay = DAY, now = LATER) => sut.execute({ acquirerId, businessDay, now });
  const closed = async (businessDay = DAY, now = LATER): Promise<SettlementBatch> => {
    const outcome = await close(businessDay, now);
    if (outcome.kind !== 'closed') throw new Error(`expected the day closed, got ${outcome.kind}`);
    return outcome.batch;
  };
  const outboxOf = async () =>
    (
      await scratch.db.connection.query<{ topic: string; message_key: string; payload: Record<string, unknown> }>(
        `SELECT "topic", "message_key", "payload" FROM "outbox_message" WHERE "message_key" = $1`,
        [acquirerId],
      )
    ).map((r) => ({ ...r, payload: typeof r.payload === 'string' ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload }));

  it('freezes the day into one batch whose totals net purchases, a cancel and a reversal to the cent', async () => {
    const purchase = purchaseLine(acquirerId, DAY, { amountMinor: 1999n });
    await lines.record([
      purchase,
      purchaseLine(acquirerId, DAY, { amountMinor: 5001n }),
      purchaseLine(acquirerId, DAY, { operation: 'cancel', direction: 'credit', amountMinor: 1999n, originalTransactionId: purchase.transactionId }),
      purchaseLine(acquirerId, DAY, { terminalId: 'T0000002', scheme: null, amountMinor: 300n }),
      purchaseLine(acquirerId, DAY, { terminalId: 'T0000002', scheme: null, event: 'reversed', direction: 'credit', amountMinor: 300n }),
      purchaseLine(acquirerId, DAY, { scheme: 'mastercard', currency: 'CZK', amountMinor: 900719925474099312n }),
      // Another day and another acquirer stay out.
      purchaseLine(acquirerId, NEXT_DAY, { amountMinor: 7n }),
      purchaseLine(`${acquirerId}-other`, DAY, { amountMinor: 11n }),
    ]);

    const batch = await closed();

    expect(batch).toMatchObject({ acquirerId, businessDay: DAY, lineCount: 6, lateLineCount: 0 });
    expect(batch.totals).toEqual([
      {
        merchantId: 'SHOP00000000001',
        terminalId: 'T0000001',
        scheme: 'mastercard',
        currency: 'CZK',
        lineCount: 1,
        debitMinor: 900719925474099312n,
        creditMinor: 0n,
        netMinor: 900719925474099312n,
      },
      {
        merchantId: 'SHOP00000000001',
        terminalId: 'T0000001',
        scheme: 'visa',
        currency: 'EUR',
        lineCount: 3,
        debitMinor: 7000n,
        creditMinor: 1999n,
        netMinor: 5001n,
      },
      {
        merchantId: 'SHOP00000000001',
        terminalId: 'T0000002',
        scheme: 'unknown',
        currency: 'EUR',
        lineCount: 2,
        debitMinor: 300n,
        creditMinor: 300n,
        netMinor: 0n,
      },
    ]);
    expect(await outboxOf()).toEqual([
      {
        topic: 'settlement.day.closed.v1',
        message_key: acquirerId,
        payload: expect.objectContaining({
          batchId: batch.id,
          businessDay: DAY,
          lineCount: 6,
          totals: [
            { currency: 'CZK', lineCount: 1, debitMinor: '900719925474099312', creditMinor: '0', netMinor: '900719925474099312' },
            { currency: 'EUR', lineCount: 5, debitMinor: '7300', creditMinor: '2299', netMinor: '5001' },
          ],
        }),
      },
    ]);
  });

  it('returns the same batch when the day is closed again, and writes nothing more', async () => {
    await lines.record([purchaseLine(acquirerId, DAY)]);
    const first = await close();

    const again = await close();

    expect(first).toMatchObject({ kind: 'closed', created: true });
    expect(again).toEqual({ ...first, created: false });
    expect(await outboxOf()).toHaveLength(1);
  });

  it('makes one batch of concurrent closes of the same day', async () => {
    await lines.record([purchaseLine(acquirerId, DAY), purchaseLine(acquirerId, DAY)]);

    const outcomes = await Promise.all(Array.from({ length: 5 }, () => close()));

    const ids = new Set(outcomes.map((o) => (o.kind === 'closed' ? o.batch.id : o.kind)));
    expect(ids.size).toBe(1);
    expect(outcomes.filter((o) => o.kind === 'closed' && o.created)).toHaveLength(1);
    expect(outcomes.map((o) => (o.kind === 'closed' ? o.batch.lineCount : -1))).toEqual([2, 2, 2, 2, 2]);
    expect(await outboxOf()).toHaveLength(1);
  });

  it('counts what arrives for a closed day as late lines of the next day, never reopening it', async () => {
    await lines.record([purchaseLine(acquirerId, DAY, { amountMinor: 100n })]);
    const first = await closed();

    await lines.record([purchaseLine(acquirerId, DAY, { amountMinor: 40n }), purchaseLine(acquirerId, NEXT_DAY, { amountMinor: 2n })]);

    expect(await closed()).toEqual(first);
    const next = await closed(NEXT_DAY);
    expect(next).toMatchObject({ lineCount: 2, lateLineCount: 1 });
    expect(next.totals).toMatchObject([{ lineCount: 2, debitMinor: 42n, netMinor: 42n }]);
  });

  it('picks up, as late, a line written for a day while that day was being closed', async () => {
    await closed();
    // As if its insert had read "not closed" just before the close committed.
    const slipped = purchaseLine(acquirerId, DAY, { amountMinor: 55n });
    await scratch.db.connection.execute(
      `INSERT INTO "settlement_line" ("transaction_id", "event", "acquirer_id", "merchant_id", "terminal_id", "operation", "direction",
         "amount_minor", "currency", "occurred_at", "event_business_day", "business_day")
       VALUES ($1::uuid, 'authorized', $2, 'SHOP1', 'T1', 'purchase', 'debit', 55, 'EUR', now(), $3::date, $3::date)`,
      [slipped.transactionId, acquirerId, DAY],
    );

    const next = await closed(NEXT_DAY);

    expect(next).toMatchObject({ lineCount: 1, lateLineCount: 1, totals: [{ netMinor: 55n }] });
  });

  it('refuses a day that has not reached its cut-off, writing nothing', async () => {
    // 23:00 in Prague on 1 December is 22:00 UTC.
    const outcome: CloseBusinessDayOutcome = await close(DAY, new Date('2026-12-01T21:59:59Z'));

    expect(outcome).toEqual({ kind: 'day_not_ended', endsAt: new Date('2026-12-01T22:00:00Z'), cutOff: '23:00 Europe/Prague' });
    expect(await batches.findByDay(acquirerId, DAY)).toBeUndefined();
    expect(await close(DAY, new Date('2026-12-01T22:00:00Z'))).toMatchObject({ kind: 'closed', created: true });
  });

  it('does not know an acquirer neither configured nor seen, and knows one seen in a line', async () => {
    const stranger = `${acquirerId}-unconfigured`;

    expect(await sut.execute({ acquirerId: stranger, businessDay: DAY, now: LATER })).toEqual({ kind: 'unknown_acquirer', acquirerId: stranger });
    await lines.record([purchaseLine(stranger, DAY)]);
    expect(await sut.execute({ acquirerId: stranger, businessDay: DAY, now: LATER })).toMatchObject({ kind: 'closed', batch: { lineCount: 1 } });
  });

  it('lists batches newest day first and finds one by id, totals included', async () => {
    await lines.record([purchaseLine(acquirerId, DAY), purchaseLine(acquirerId, NEXT_DAY, { amountMinor: 5n })]);
    const first = await closed();
    const second = await closed(NEXT_DAY);

    expect((await batches.list({ acquirerId }, 10)).map((b) => b.id)).toEqual([second.id, first.id]);
    expect(await batches.list({ acquirerId, businessDay: DAY }, 10)).toEqual([first]);
    expect(await batches.findById(second.id)).toEqual(second);
    expect(second.totals).toMatchObject([{ netMinor: 5n }]);
  });
});
