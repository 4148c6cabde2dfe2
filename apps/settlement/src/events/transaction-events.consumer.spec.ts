import { randomUUID } from 'node:crypto';

import { TransactionAuthorized, transactionAuthorizedV1, transactionReversedV1 } from '@payments/contracts';
import { InMemoryMessageBus } from '@payments/messaging';
import { scrapedSample } from '@payments/observability';
import { applyMigrations, createDatabase, type Database } from '@payments/persistence';
import { locateMigrations } from '@payments/runtime';

import { BusinessDayCalendar } from '../business-day/business-day.calendar';
import { CutOff } from '../business-day/cut-off';
import { SettlementLineRepository } from '../lines/settlement-line.repository';
import { approvedPurchase } from '../totals/testing/transaction-event.fixture';
import { TOTALS_OPERATIONS_METRIC } from '../totals/terminal-totals.metrics';
import { TerminalTotalsRepository } from '../totals/terminal-totals.repository';
import { TransactionEventsConsumer } from './transaction-events.consumer';

jest.setTimeout(60_000);

describe(TransactionEventsConsumer.name, () => {
  const day = '2026-12-01';
  let database: Database;
  let totals: TerminalTotalsRepository;
  let lines: SettlementLineRepository;
  let bus: InMemoryMessageBus;
  let terminals = 0;
  let terminalId: string;

  beforeAll(async () => {
    database = await createDatabase({ kind: 'pglite', schema: 'settlement' });
    await applyMigrations({ connection: database.connection, schema: 'settlement', migrationsDir: locateMigrations('settlement') });
    totals = new TerminalTotalsRepository(database.connection);
    lines = new SettlementLineRepository(database.connection);
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    terminals += 1;
    terminalId = `S${String(terminals).padStart(7, '0')}`;
    bus = new InMemoryMessageBus({ logger: { warn: () => undefined, error: () => undefined } });
    await new TransactionEventsConsumer(bus, totals, lines, new BusinessDayCalendar('default', new CutOff('UTC', '00:00'))).onModuleInit();
    await bus.start();
  });
  afterEach(() => bus.stop());

  const event = (change: Partial<TransactionAuthorized> = {}): TransactionAuthorized => approvedPurchase(terminalId, day, change);
  const totalOf = async (): Promise<{ count: number; amountMinor: bigint } | undefined> => (await totals.list(day, terminalId))[0];

  const linesOfTerminal = () =>
    database.connection.query<{ direction: string; amount_minor: string }>(
      `SELECT "direction", "amount_minor"::text AS "amount_minor" FROM "settlement_line" WHERE "terminal_id" = $1 ORDER BY "settlement_line"."amount_minor"`,
      [terminalId],
    );

  it('counts an approval once however often it is delivered, and a refund subtracts; each is one settlement line', async () => {
    const id = randomUUID();
    const approval = event();
    await bus.publish(transactionAuthorizedV1, approval, { key: terminalId, id });
    await bus.publish(transactionAuthorizedV1, approval, { key: terminalId, id });
    await bus.publish(transactionAuthorizedV1, event({ operation: 'refund', direction: 'credit', amountMinor: '250' }), { key: terminalId });
    await bus.stop(); // returns once every delivery is settled
    expect(await totalOf()).toEqual({ businessDay: day, terminalId, currency: 'EUR', count: 2, amountMinor: 1000n });
    expect(await linesOfTerminal()).toEqual([
      { direction: 'credit', amount_minor: '250' },
      { direction: 'debit', amount_minor: '1250' },
    ]);
  });

  it('takes a reversed approval back out once, even when the reversal is redelivered', async () => {
    const counted = async () => ({
      added: await scrapedSample(TOTALS_OPERATIONS_METRIC, { effect: 'added' }),
      takenBack: await scrapedSample(TOTALS_OPERATIONS_METRIC, { effect: 'taken_back' }),
    });
    const before = await counted();
    const approval = event({ amountMinor: '700' });
    await bus.publish(transactionAuthorizedV1, approval, { key: terminalId });
    await bus.publish(transactionAuthorizedV1, event({ amountMinor: '300' }), { key: terminalId });
    const reversalId = randomUUID();
    const reversal = { ...approval, responseCode: '00', reason: 'the register never received the approval' };
    await bus.publish(transactionReversedV1, reversal, { key: terminalId, id: reversalId });
    await bus.publish(transactionReversedV1, reversal, { key: terminalId, id: reversalId });
    await bus.stop();
    expect(await totalOf()).toMatchObject({ count: 1, amountMinor: 300n });
    // The metric counts what changed the totals: two approvals, one reversal (not its redelivery).
    expect(await counted()).toEqual({ added: before.added! + 2, takenBack: before.takenBack! + 1 });
  });

  it('loses no increment when many events for one terminal arrive at once, and ignores what moves no money', async () => {
    await Promise.all(Array.from({ length: 20 }, () => bus.publish(transactionAuthorizedV1, event({ amountMinor: '5' }), { key: randomUUID() })));
    await bus.publish(transactionAuthorizedV1, event({ operation: 'preauthorization', direction: 'none' }), { key: terminalId });
    await bus.stop();
    expect(await totalOf()).toMatchObject({ count: 20, amountMinor: 100n });
  });
});
