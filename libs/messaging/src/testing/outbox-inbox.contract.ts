import { trace } from '@opentelemetry/api';
import { z } from 'zod';

import { defineEvent, SchemaViolationError, TopicContract } from '@payments/contracts';
import { SqlExecutor, TransactionalSqlExecutor } from '@payments/persistence';

import { InMemoryMessageBus } from '../in-memory/in-memory-message-bus';
import { Inbox, runOnce } from '../inbox/inbox';
import { Envelope, Headers, PublishOptions } from '../message-bus.port';
import { outboxInboxDdl } from '../outbox/outbox-inbox.ddl';
import { outboxChannelOf } from '../outbox/outbox-channel.util';
import { OutboxRelay } from '../outbox/outbox.relay';
import { OutboxWriter } from '../outbox/outbox.writer';
import { TopicRegistry } from '../outbox/topic.registry';
import { installTestTracing } from './test-tracing';
import { uniqueSuffix, waitFor } from './wait-for.util';

export interface OutboxTestDatabase {
  readonly db: TransactionalSqlExecutor;
  /** Runs a script of several statements (the DDL). */
  exec(script: string): Promise<void>;
  /** LISTEN on a channel (as the platform's Database.listen does). */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const postingSchema = z.object({ postingId: z.string(), amountMinor: z.string().regex(/^\d+$/) });
type Posting = z.infer<typeof postingSchema>;
const posted = defineEvent('ledger.posting.created.v1', postingSchema);
const posting = (postingId: string): Posting => ({ postingId, amountMinor: '500' });

/** A real in-memory bus whose next `failures` publishes fail, as a broker outage would. */
class FlakyBus extends InMemoryMessageBus {
  failures = 0;
  readonly published: string[] = [];

  override async publish<T>(topic: TopicContract<T>, value: T, options: PublishOptions): Promise<void> {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('broker unavailable');
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
    await super.publish(topic, value, options);
    this.published.push(options.id ?? '');
  }
}

/** `db`, and every statement run through it or its transactions, in order. */
function recording(db: TransactionalSqlExecutor): { db: TransactionalSqlExecutor; statements: string[] } {
  const statements: string[] = [];
  const record = (on: SqlExecutor): SqlExecutor => ({
    $executeRawUnsafe: (query, ...values) => {
      statements.push(query);
      return on.$executeRawUnsafe(query, ...values);
    },
    $queryRawUnsafe: <T>(query: string, ...values: unknown[]) => {
      statements.push(query);
      return on.$queryRawUnsafe<T>(query, ...values);
    },
  });
  return { statements, db: { ...record(db), $transaction: (fn, options) => db.$transaction((tx) => fn(record(tx)), options) } };
}

/** The outbox and inbox over one SQL database; runs on PGlite (unit) and PostgreSQL (int). */
export function describeOutboxInboxContract(name: string, open: () => Promise<OutboxTestDatabase>): void {
  describe(`outbox and inbox on ${name}`, () => {
    let database: OutboxTestDatabase;
    let db: TransactionalSqlExecutor;
    let schema: string;
    let bus: FlakyBus;
    let tracing: ReturnType<typeof installTestTracing>;
    const registry = TopicRegistry.of(posted);
    const quiet = { warn: () => undefined, error: () => undefined };

    // Opening a fresh PGlite takes seconds on a busy machine: more than jest's default 5 s hook timeout.
    beforeAll(async () => {
      tracing = installTestTracing();
      database = await open();
      db = database.db;
    }, 30_000);
    afterAll(async () => {
      await database?.close();
      tracing?.uninstall();
    });

    beforeEach(async () => {
      schema = `outbox_${uniqueSuffix()}`;
      await database.exec(`CREATE SCHEMA "${schema}";\n${outboxInboxDdl(schema)}`);
      bus = new FlakyBus({ logger: quiet });
      await bus.start();
    });
    afterEach(async () => {
      await bus.stop();
      await database.exec(`DROP SCHEMA "${schema}" CASCADE`);
    });

    const relay = (): OutboxRelay => new OutboxRelay({ db, bus, schema, registry, logger: quiet, batchSize: 3 });
    const consume = async (): Promise<Envelope<Posting>[]> => {
      const got: Envelope<Posting>[] = [];
      await bus.subscribe(posted, (m) => Promise.resolve(void got.push(m)), { group: 'reader' });
      return got;
    };

    it('writes in the caller transaction: rolled back, nothing is left', async () => {
      const sut = new OutboxWriter(schema);
      await db.$transaction((tx) => sut.add(tx, posted, posting('p-1'), { key: 'acc-1' }));
      await expect(
        db.$transaction(async (tx) => {
          await sut.add(tx, posted, posting('p-2'), { key: 'acc-1' });
          throw new Error('posting rejected by limit check');
        }),
      ).rejects.toThrow(/limit check/);
      expect(await relay().backlog()).toBe(1);
    });

    it('reports the pending rows and the age of the oldest by the database clock', async () => {
      expect(await relay().pending()).toEqual({ count: 0, oldestAgeSeconds: 0 });
      const sut = new OutboxWriter(schema);
      await db.$transaction((tx) => sut.add(tx, posted, posting('p-1'), { key: 'acc-1' }));
      await db.$transaction((tx) => sut.add(tx, posted, posting('p-2'), { key: 'acc-2' }));
      await db.$executeRawUnsafe(`UPDATE "${schema}"."outbox_message" SET "created_at" = now() - interval '5 minutes' WHERE "payload"->>'postingId' = 'p-1'`);

      const pending = await relay().pending();
      expect(pending.count).toBe(2);
      expect(pending.oldestAgeSeconds).toBeGreaterThanOrEqual(300);
      expect(pending.oldestAgeSeconds).toBeLessThan(330);
    });

    it('refuses a message that violates its schema and writes nothing', async () => {
      const sut = new OutboxWriter(schema);
      await expect(db.$transaction((tx) => sut.add(tx, posted, { postingId: 'p', amountMinor: '-5' }, { key: 'acc-1' }))).rejects.toThrow(SchemaViolationError);
      expect(await relay().backlog()).toBe(0);
    });

    it('publishes in created order, with the row id as message id and the writer trace context', async () => {
      const got = await consume();
      const sut = new OutboxWriter(schema);
      let traceId = '';
      const ids = await trace.getTracer('test').startActiveSpan('close day', async (span) => {
        traceId = span.spanContext().traceId;
        const written = await db.$transaction(async (tx) => [
          await sut.add(tx, posted, posting('p-1'), { key: 'acc-1' }),
          await sut.add(tx, posted, posting('p-2'), { key: 'acc-1', headers: { [Headers.correlationId]: 'c-9' } }),
          await sut.add(tx, posted, posting('p-3'), { key: 'acc-2' }),
        ]);
        written.push(await db.$transaction((tx) => sut.add(tx, posted, posting('p-4'), { key: 'acc-1' })));
        span.end();
        return written;
      });
      expect(await relay().flush()).toBe(4);
      await waitFor('four messages', () => got.length === 4);
      expect(got.filter((m) => m.key === 'acc-1').map((m) => m.value.postingId)).toEqual(['p-1', 'p-2', 'p-4']);
      expect(got.map((m) => m.id).sort()).toEqual([...ids].sort());
      const sent = (postingId: string): Envelope<Posting> | undefined => got.find((m) => m.value.postingId === postingId);
      expect(sent('p-2')?.headers[Headers.correlationId]).toBe('c-9');
      expect(sent('p-1')?.headers[Headers.traceparent]).toContain(traceId);
      expect(await relay().backlog()).toBe(0);
    });

    it('publishes a batch of many keys with one claim and one delete, each key in order', async () => {
      const got = await consume();
      const sut = new OutboxWriter(schema);
      await db.$transaction(async (tx) => {
        for (let i = 0; i < 12; i += 1) await sut.add(tx, posted, posting(`p-${i}`), { key: `acc-${i % 4}` });
      });
      const counted = recording(db);
      expect(await new OutboxRelay({ db: counted.db, bus, schema, registry, logger: quiet, batchSize: 50 }).flush()).toBe(12);
      expect(counted.statements.map((sql) => sql.trim().split(/\s/)[0])).toEqual(['SELECT', 'DELETE']);
      await waitFor('twelve messages', () => got.length === 12);
      expect(got.filter((m) => m.key === 'acc-1').map((m) => m.value.postingId)).toEqual(['p-1', 'p-5', 'p-9']);
      expect(await relay().backlog()).toBe(0);
    });

    it('keeps a failed row with its attempt and error, holds back its key, and publishes it later', async () => {
      const got = await consume();
      const sut = new OutboxWriter(schema);
      await db.$transaction(async (tx) => {
        await sut.add(tx, posted, posting('p-1'), { key: 'acc-1' });
        await sut.add(tx, posted, posting('p-2'), { key: 'acc-1' });
        await sut.add(tx, posted, posting('p-3'), { key: 'acc-2' });
      });
      bus.failures = 1;
      expect(await relay().flush()).toBe(1);
      const [row] = await db.$queryRawUnsafe<{ attempts: number; last_error: string }[]>(
        `SELECT "attempts", "last_error" FROM "${schema}"."outbox_message" WHERE "payload"->>'postingId' = 'p-1'`,
      );
      expect(row).toEqual({ attempts: 1, last_error: 'broker unavailable' });
      expect(await relay().backlog()).toBe(2);
      expect(await relay().flush()).toBe(2);
      await waitFor('three messages', () => got.length === 3);
      expect(got.map((m) => m.value.postingId)).toEqual(['p-3', 'p-1', 'p-2']);
    });

    it('reports an outbox row whose topic is not in the registry, and keeps it', async () => {
      const stray = defineEvent('ledger.hold.created.v1', z.object({ holdId: z.string() }));
      await db.$transaction((tx) => new OutboxWriter(schema).add(tx, stray, { holdId: 'h-1' }, { key: 'acc-1' }));
      expect(await relay().flush()).toBe(0);
      const [row] = await db.$queryRawUnsafe<{ last_error: string }[]>(`SELECT "last_error" FROM "${schema}"."outbox_message"`);
      expect(row.last_error).toMatch(/"ledger.hold.created.v1" is not in the TopicRegistry \(known: ledger.posting.created.v1\)/);
      expect(await relay().backlog()).toBe(1);
    });

    it('never publishes a row twice when two relays run at once', async () => {
      const sut = new OutboxWriter(schema);
      await db.$transaction(async (tx) => {
        for (let i = 0; i < 20; i += 1) await sut.add(tx, posted, posting(`p-${i}`), { key: `acc-${i % 4}` });
      });
      const [a, b] = await Promise.all([relay().flush(), relay().flush()]);
      expect(a + b).toBe(20);
      expect(new Set(bus.published).size).toBe(20);
      expect(bus.published).toHaveLength(20);
    });

    it('polls on its own between start() and stop()', async () => {
      const got = await consume();
      const sut = relay();
      const poller = new OutboxRelay({ db, bus, schema, registry, logger: quiet, intervalMs: 20 });
      await poller.start();
      await db.$transaction((tx) => new OutboxWriter(schema).add(tx, posted, posting('p-1'), { key: 'acc-1' }));
      await waitFor('the polled message', () => got.length === 1);
      await poller.stop();
      expect(await sut.backlog()).toBe(0);
    });

    it('publishes within moments of the commit when woken by it, long before its next poll', async () => {
      const got = await consume();
      const sut = new OutboxRelay({
        db,
        bus,
        schema,
        registry,
        logger: quiet,
        intervalMs: 60_000,
        wake: (onWake) => database.listen(outboxChannelOf(schema), onWake),
      });
      await sut.start();
      try {
        const committedAt = Date.now();
        await db.$transaction((tx) => new OutboxWriter(schema).add(tx, posted, posting('p-1'), { key: 'acc-1' }));
        await waitFor('the woken relay', () => got.length === 1, 5_000);
        expect(Date.now() - committedAt).toBeLessThan(1_000);
        // A transaction that rolls back wakes nobody and leaves nothing behind.
        await expect(
          db.$transaction(async (tx) => {
            await new OutboxWriter(schema).add(tx, posted, posting('p-2'), { key: 'acc-1' });
            throw new Error('rolled back');
          }),
        ).rejects.toThrow('rolled back');
        expect(await sut.backlog()).toBe(0);
        expect(got.map((m) => m.value.postingId)).toEqual(['p-1']);
      } finally {
        await sut.stop();
      }
    });

    it('tries a row that failed again at its retry pace, not at the idle safety-net pace, when woken by commits', async () => {
      const got = await consume();
      const wake = (onWake: () => void): Promise<() => Promise<void>> => database.listen(outboxChannelOf(schema), onWake);
      const sut = new OutboxRelay({ db, bus, schema, registry, logger: quiet, intervalMs: 100, idleIntervalMs: 60_000, wake });
      await sut.start();
      try {
        bus.failures = 1;
        await db.$transaction((tx) => new OutboxWriter(schema).add(tx, posted, posting('p-1'), { key: 'acc-1' }));
        await waitFor('the row published on its second attempt', () => got.length === 1, 5_000);
        expect(bus.failures).toBe(0);
      } finally {
        await sut.stop();
      }
    });

    it('records a message once per consumer', async () => {
      const sut = new Inbox(schema);
      expect(await db.$transaction((tx) => sut.record(tx, 'm-1', 'ledger'))).toBe(true);
      expect(await db.$transaction((tx) => sut.record(tx, 'm-1', 'ledger'))).toBe(false);
      expect(await db.$transaction((tx) => sut.record(tx, 'm-1', 'reports'))).toBe(true);
    });

    it('runs an effect once per message, and again after the effect failed', async () => {
      const sut = new Inbox(schema);
      const envelope: Envelope<Posting> = { id: 'm-7', topic: posted.name, key: 'acc-1', value: posting('p-1'), headers: {}, timestamp: Date.now() };
      let effects = 0;
      const failing = runOnce(db, sut, envelope, 'ledger', () => Promise.reject(new Error('ledger locked')));
      await expect(failing).rejects.toThrow(/ledger locked/);
      const effect = (): Promise<void> => Promise.resolve(void (effects += 1));
      expect(await runOnce(db, sut, envelope, 'ledger', effect)).toBe(true);
      expect(await runOnce(db, sut, envelope, 'ledger', effect)).toBe(false);
      expect(effects).toBe(1);
    });
  });
}
