import { join } from 'node:path';

import { TransactionAuthorized, transactionAuthorizedV1, transactionReversedV1 } from '@payments/contracts';
import { InMemoryMessageBus } from '@payments/messaging';
import { openScratchSchema, type ScratchSchema } from '@payments/persistence/testing';

import { BusinessDayCalendar } from '../business-day/business-day.calendar';
import { CutOff } from '../business-day/cut-off';
import { TransactionEventsConsumer } from '../events/transaction-events.consumer';
import { approvedPurchase } from '../totals/testing/transaction-event.fixture';
import { TerminalTotalsRepository } from '../totals/terminal-totals.repository';
import { purchaseLine } from './testing/settlement-line.fixture';
import { SettlementLineRepository } from './settlement-line.repository';

jest.setTimeout(60_000);

const url = process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments';
const MIGRATIONS = join(__dirname, '..', '..', 'prisma', 'migrations');
const DAY = '2026-12-01';
const quiet = { warn: () => undefined, error: () => undefined };

interface LineRow extends Record<string, unknown> {
  transaction_id: string;
  event: string;
  direction: string;
  amount_minor: string;
  event_business_day: string;
  business_day: string;
  late: boolean;
}

/** Settlement lines on real PostgreSQL and on PGlite (the embedded mode), each in a schema of its own. */
describe.each(['postgres', 'pglite'] as const)(`${SettlementLineRepository.name} (%s)`, (kind) => {
  let scratch: ScratchSchema;
  let sut: SettlementLineRepository;
  let acquirers = 0;
  let acquirerId: string;

  beforeAll(async () => {
    scratch = await openScratchSchema(kind, { appSchema: 'settlement', migrationsDir: MIGRATIONS, url });
    sut = new SettlementLineRepository(scratch.db.connection);
  });
  afterAll(() => scratch?.close());
  beforeEach(() => {
    acquirers += 1;
    acquirerId = `acq-${kind}-${acquirers}`;
  });

  const linesOf = (acquirer = acquirerId) =>
    scratch.db.connection.query<LineRow>(
      `SELECT "transaction_id"::text AS "transaction_id", "event", "direction", "amount_minor"::text AS "amount_minor",
         "event_business_day"::text AS "event_business_day", "business_day"::text AS "business_day", "late"
       FROM "settlement_line" WHERE "acquirer_id" = $1 ORDER BY "occurred_at", "event"`,
      [acquirer],
    );

  it('keeps the masked PAN, RRN and approval code of a line, and refuses anything that could be a whole card number', async () => {
    const line = purchaseLine(acquirerId, DAY, { maskedPan: '476173******0119', rrn: '632605000042', approvalCode: 'A1B2C3' });
    await sut.record([line]);
    const [kept] = await scratch.db.connection.query<{ masked_pan: string; rrn: string; approval_code: string }>(
      `SELECT "masked_pan", "rrn", "approval_code" FROM "settlement_line" WHERE "transaction_id" = $1::uuid`,
      [line.transactionId],
    );
    expect(kept).toEqual({ masked_pan: '476173******0119', rrn: '632605000042', approval_code: 'A1B2C3' });

    await expect(sut.record([purchaseLine(acquirerId, DAY, { maskedPan: '4761739001010119' })])).rejects.toThrow(/settlement_line_masked_pan_check/);
  });

  it('records an event delivered twice in a batch, and again in a later batch, as one line', async () => {
    const purchase = purchaseLine(acquirerId, DAY);
    const other = purchaseLine(acquirerId, DAY, { amountMinor: 700n, occurredAt: `${DAY}T11:00:00.000Z` });

    expect(await sut.record([purchase, { ...purchase }, other])).toBe(2);
    expect(await sut.record([purchase, other])).toBe(0);

    expect((await linesOf()).map((l) => [l.transaction_id, l.amount_minor, l.business_day, l.late])).toEqual([
      [purchase.transactionId, '1250', DAY, false],
      [other.transactionId, '700', DAY, false],
    ]);
  });

  it("keeps a purchase's approval and its reversal as two lines of opposite directions", async () => {
    const approval = purchaseLine(acquirerId, DAY);
    const reversal = { ...approval, event: 'reversed' as const, direction: 'credit' as const };

    expect(await sut.record([approval, reversal])).toBe(2);

    expect((await linesOf()).map((l) => [l.event, l.direction])).toEqual([
      ['authorized', 'debit'],
      ['reversed', 'credit'],
    ]);
  });

  it("puts a line whose day is already closed on the day after the acquirer's latest closed day, flagged late", async () => {
    // Two closed days (close-day's own spec shows how a close makes them).
    await scratch.db.connection.execute(
      `INSERT INTO "settlement_batch" ("id", "acquirer_id", "business_day") VALUES (gen_random_uuid(), $1, $2::date), (gen_random_uuid(), $1, $3::date)`,
      [acquirerId, DAY, '2026-12-02'],
    );

    await sut.record([purchaseLine(acquirerId, DAY), purchaseLine(acquirerId, '2026-12-03', { occurredAt: '2026-12-03T10:00:00.000Z' })]);

    expect((await linesOf()).map((l) => [l.event_business_day, l.business_day, l.late])).toEqual([
      [DAY, '2026-12-03', true],
      ['2026-12-03', '2026-12-03', false],
    ]);
  });

  it('writes nothing when one line of the batch is refused', async () => {
    await expect(sut.record([purchaseLine(acquirerId, DAY), purchaseLine(acquirerId, '2026-02-30')])).rejects.toThrow();

    expect(await linesOf()).toEqual([]);
  });

  describe(`${TransactionEventsConsumer.name} over the in-memory bus: the lines`, () => {
    const calendar = new BusinessDayCalendar('default', new CutOff('UTC', '00:00'));
    const event = (change: Partial<TransactionAuthorized> = {}): TransactionAuthorized =>
      approvedPurchase('T0000001', DAY, { acquirerId, occurredAt: `${DAY}T09:00:00.000Z`, ...change });

    it('records a burst of approvals and reversals with one statement per topic, each event once', async () => {
      const statements: string[] = [];
      const connection = scratch.db.connection;
      const counting = Object.assign(Object.create(connection) as typeof connection, {
        execute: (sql: string, params?: readonly unknown[]) => {
          statements.push(sql);
          return connection.execute(sql, params);
        },
      });
      const bus = new InMemoryMessageBus({ logger: quiet });
      await new TransactionEventsConsumer(bus, new TerminalTotalsRepository(connection), new SettlementLineRepository(counting), calendar).onModuleInit();
      const purchases = Array.from({ length: 40 }, (_, i) => event({ amountMinor: String(100 + i) }));
      for (const purchase of purchases) await bus.publish(transactionAuthorizedV1, purchase, { key: 'T0000001' });
      await bus.publish(transactionAuthorizedV1, purchases[0], { key: 'T0000001' });
      await bus.publish(transactionAuthorizedV1, event({ operation: 'preauthorization', direction: 'none' }), { key: 'T0000001' });
      await bus.publish(transactionReversedV1, { ...purchases[1], reason: 'the register never received the approval' }, { key: 'T0000001' });
      await bus.start();
      await bus.stop(); // returns once every delivery is settled

      const lines = await linesOf();
      expect(lines).toHaveLength(41);
      const net = lines.reduce((sum, l) => sum + (l.direction === 'debit' ? 1n : -1n) * BigInt(l.amount_minor), 0n);
      expect(net).toBe(BigInt(purchases.reduce((sum, p) => sum + Number(p.amountMinor), 0) - 101));
      expect(statements).toHaveLength(2);
    });
  });
});
