import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import { TransactionAuthorized, transactionAuthorizedV1 } from '@payments/contracts';
import { deadLetterContractOf, Envelope, InMemoryMessageBus } from '@payments/messaging';
import { openScratchSchema, type ScratchSchema } from '@payments/persistence/testing';

import { BusinessDayCalendar } from '../business-day/business-day.calendar';
import { CutOff } from '../business-day/cut-off';
import { TransactionEventsConsumer } from '../events/transaction-events.consumer';
import { SettlementLineRepository } from '../lines/settlement-line.repository';
import { approvedPurchase } from './testing/transaction-event.fixture';
import { TotalIncrement } from './terminal-totals.increments';
import { TerminalTotalsRepository } from './terminal-totals.repository';

jest.setTimeout(60_000);

const url = process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments';
const MIGRATIONS = join(__dirname, '..', '..', 'prisma', 'migrations');
const DAY = '2026-12-01';

/** The batch statement of the totals on real PostgreSQL and on PGlite (the embedded mode), each in a schema of its own. */
describe.each(['postgres', 'pglite'] as const)(`${TerminalTotalsRepository.name} (%s)`, (kind) => {
  let scratch: ScratchSchema;
  let sut: TerminalTotalsRepository;
  let terminals = 0;
  let terminalId: string;

  beforeAll(async () => {
    scratch = await openScratchSchema(kind, { appSchema: 'settlement', migrationsDir: MIGRATIONS, url });
    sut = new TerminalTotalsRepository(scratch.db.connection);
  });
  afterAll(() => scratch?.close());
  beforeEach(() => {
    terminals += 1;
    terminalId = `B${kind.slice(0, 2).toUpperCase()}${String(terminals).padStart(5, '0')}`;
  });

  const increment = (change: Partial<TotalIncrement> = {}): TotalIncrement => ({
    messageId: randomUUID(),
    consumer: 'settlement.terminal-totals',
    businessDay: DAY,
    terminalId,
    currency: 'EUR',
    count: 1,
    amountMinor: 1250n,
    ...change,
  });
  const totalsOf = () => sut.list(DAY, terminalId);
  const inboxRowsOf = async (ids: string[]) =>
    (await scratch.db.connection.query<{ n: number }>(`SELECT count(*)::int AS "n" FROM "inbox_message" WHERE "message_id" = ANY($1::text[])`, [ids]))[0].n;

  it('counts a message twice in one batch, and one counted in an earlier batch, once', async () => {
    const earlier = increment({ amountMinor: 100n });
    expect(await sut.count([earlier])).toBe(1);
    const twice = increment({ amountMinor: 20n });

    const counted = await sut.count([twice, increment({ amountMinor: 3n }), { ...twice }, { ...earlier }]);

    expect(counted).toBe(2);
    expect(await totalsOf()).toEqual([{ businessDay: DAY, terminalId, currency: 'EUR', count: 3, amountMinor: 123n }]);
    expect(await inboxRowsOf([earlier.messageId, twice.messageId])).toBe(2);
  });

  it('counts nothing twice when a whole batch is delivered again', async () => {
    const batch = [increment({ amountMinor: 500n }), increment({ amountMinor: 250n, count: -1 }), increment({ currency: 'USD', amountMinor: 7n })];
    expect(await sut.count(batch)).toBe(3);

    expect(await sut.count(batch)).toBe(0);

    expect(await totalsOf()).toEqual([
      { businessDay: DAY, terminalId, currency: 'EUR', count: 0, amountMinor: 750n },
      { businessDay: DAY, terminalId, currency: 'USD', count: 1, amountMinor: 7n },
    ]);
  });

  it('sums each (day, terminal, currency) of a batch into its total, the same message id of another consumer apart', async () => {
    const other = `${terminalId}X`;
    const shared = randomUUID();
    const batch = [
      increment({ amountMinor: 1000n }),
      increment({ amountMinor: -300n }),
      increment({ terminalId: other, amountMinor: 900719925474099312n }),
      increment({ businessDay: '2026-12-02', amountMinor: 5n }),
      increment({ messageId: shared, amountMinor: 40n }),
      increment({ messageId: shared, consumer: 'settlement.terminal-totals-reversals', count: -1, amountMinor: -40n }),
    ];

    expect(await sut.count(batch)).toBe(6);

    expect(await totalsOf()).toEqual([{ businessDay: DAY, terminalId, currency: 'EUR', count: 2, amountMinor: 700n }]);
    expect(await sut.list(DAY, other)).toEqual([{ businessDay: DAY, terminalId: other, currency: 'EUR', count: 1, amountMinor: 900719925474099312n }]);
    expect(await sut.list('2026-12-02', terminalId)).toEqual([{ businessDay: '2026-12-02', terminalId, currency: 'EUR', count: 1, amountMinor: 5n }]);
  });

  it('writes nothing, inbox included, when one event of the batch is refused', async () => {
    const good = increment();

    await expect(sut.count([good, increment({ businessDay: '2026-02-30' })])).rejects.toThrow();

    expect(await totalsOf()).toEqual([]);
    expect(await inboxRowsOf([good.messageId])).toBe(0);
  });

  describe(`${TransactionEventsConsumer.name} over the in-memory bus: the totals`, () => {
    const calendar = new BusinessDayCalendar('default', new CutOff('UTC', '00:00'));
    let bus: InMemoryMessageBus;
    const event = (change: Partial<TransactionAuthorized> = {}): TransactionAuthorized => approvedPurchase(terminalId, DAY, change);

    beforeEach(async () => {
      bus = new InMemoryMessageBus({ logger: { warn: () => undefined, error: () => undefined } });
      await new TransactionEventsConsumer(bus, sut, new SettlementLineRepository(scratch.db.connection), calendar).onModuleInit();
    });
    afterEach(() => bus.stop());

    it('counts a burst of events with one statement', async () => {
      const statements: string[] = [];
      const connection = scratch.db.connection;
      const counting = Object.assign(Object.create(connection) as typeof connection, {
        query: (sql: string, params?: readonly unknown[]) => {
          statements.push(sql);
          return connection.query(sql, params);
        },
      });
      const quiet = { warn: () => undefined, error: () => undefined };
      const own = new InMemoryMessageBus({ logger: quiet });
      await new TransactionEventsConsumer(own, new TerminalTotalsRepository(counting), new SettlementLineRepository(connection), calendar).onModuleInit();
      for (let i = 0; i < 50; i += 1) await own.publish(transactionAuthorizedV1, event({ amountMinor: '2' }), { key: terminalId });
      await own.start();
      await own.stop();

      expect(await totalsOf()).toMatchObject([{ count: 50, amountMinor: 100n }]);
      expect(statements).toHaveLength(1);
    });

    it('totals the approved events of a burst, each once, and dead-letters the one the database refuses', async () => {
      const dead: Envelope<unknown>[] = [];
      await bus.subscribe(deadLetterContractOf(transactionAuthorizedV1), (m) => Promise.resolve(void dead.push(m)), { group: 'dlt-watch' });
      const amounts = Array.from({ length: 30 }, (_, i) => 100 + i);
      const repeated = randomUUID();
      for (const amount of amounts) await bus.publish(transactionAuthorizedV1, event({ amountMinor: String(amount) }), { key: terminalId });
      await bus.publish(transactionAuthorizedV1, event({ businessDay: '2026-02-30' }), { key: terminalId, id: 'poison-day' });
      await bus.publish(transactionAuthorizedV1, event({ amountMinor: '1' }), { key: terminalId, id: repeated });
      await bus.publish(transactionAuthorizedV1, event({ amountMinor: '1' }), { key: terminalId, id: repeated });
      await bus.start();
      await bus.stop(); // returns once every delivery is settled (counted or dead-lettered)

      const sum = amounts.reduce((a, b) => a + b, 0) + 1;
      expect(await totalsOf()).toEqual([{ businessDay: DAY, terminalId, currency: 'EUR', count: amounts.length + 1, amountMinor: BigInt(sum) }]);
      expect(dead.map((m) => m.id)).toEqual(['poison-day']);
    });
  });
});
