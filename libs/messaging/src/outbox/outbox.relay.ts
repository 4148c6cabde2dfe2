import { assertSchemaName, TransactionalSqlExecutor } from '@payments/persistence';

import { BusLogger, consoleBusLogger } from '../core/bus-logger';
import { errorText } from '../core/message-delivery.util';
import { withStoredContext } from '../core/trace-context.util';
import { MessageBus, MessageHeaders } from '../message-bus.port';
import { TopicRegistry } from './topic.registry';

export interface OutboxRelayOptions {
  readonly db: TransactionalSqlExecutor;
  readonly bus: MessageBus;
  readonly schema: string;
  /** Contracts of every topic the service writes to its outbox. */
  readonly registry: TopicRegistry;
  /**
   * Subscribes to the commits that wrote outbox rows (LISTEN on `outboxChannelOf(schema)`): the
   * relay then publishes at once and polls only as a safety net. Absent: it polls.
   */
  readonly wake?: (onWake: () => void) => Promise<() => Promise<void>>;
  /** Pause between polls, and before a row that failed is tried again. Default 200 ms, or 2,000 ms when woken by commits. */
  readonly intervalMs?: number;
  /**
   * When woken by commits: the pause before the safety-net poll after a flush that left nothing
   * behind (every commit wakes the relay anyway, and a lost connection wakes it when it is back).
   * Default 30,000 ms.
   */
  readonly idleIntervalMs?: number;
  /** Rows claimed per transaction. Default 100. */
  readonly batchSize?: number;
  readonly logger?: BusLogger;
}

interface OutboxRow {
  readonly id: string;
  readonly topic: string;
  readonly key: string;
  readonly payload: string;
  readonly headers: string;
}

interface KeyOutcome {
  readonly published: string[];
  readonly failure?: { readonly row: OutboxRow; readonly error: string };
}

interface BatchResult {
  readonly claimed: number;
  readonly published: number;
  readonly failed: number;
}

/**
 * Publishes outbox rows in created order and deletes them once published (nothing reads a
 * published row; the topic keeps the message). Rows are claimed with FOR UPDATE SKIP LOCKED
 * inside one transaction, so two relays never publish the same row. A batch costs one claim and
 * one delete whatever its size: keys are published concurrently (the producer sends them in one
 * request), each key's rows one after the other. A failed publish counts an attempt, keeps its
 * error and holds back the later rows of its key until a later poll: never lost, never reordered.
 */
export class OutboxRelay {
  private readonly table: string;
  private readonly intervalMs: number;
  private readonly idleIntervalMs: number;
  /** The last flush failed or stopped at a row it could not publish: the next poll comes sooner. */
  private leftBehind = false;
  private readonly batchSize: number;
  private readonly logger: BusLogger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  /** A commit was announced that no claim has looked for yet. */
  private wokenSinceClaim = false;
  private stopWaking: (() => Promise<void>) | undefined;
  private active = false;

  constructor(private readonly options: OutboxRelayOptions) {
    this.table = `"${assertSchemaName(options.schema)}"."outbox_message"`;
    this.intervalMs = options.intervalMs ?? (options.wake ? 2_000 : 200);
    this.idleIntervalMs = options.wake ? (options.idleIntervalMs ?? 30_000) : this.intervalMs;
    this.batchSize = options.batchSize ?? 100;
    this.logger = options.logger ?? consoleBusLogger;
  }

  async start(): Promise<void> {
    this.active = true;
    if (this.options.wake) this.stopWaking = await this.options.wake(() => this.wakeUp());
    // What was written before the relay listened (or while the service was down) goes out now.
    this.wakeUp();
  }

  /** Stops polling and waits for the poll in progress; call flush() first to empty the outbox. */
  async stop(): Promise<void> {
    this.active = false;
    clearTimeout(this.timer);
    await this.stopWaking?.();
    await this.running;
  }

  async backlog(): Promise<number> {
    return (await this.pending()).count;
  }

  /** Rows not yet published, and how old the oldest is by the database's clock (0 when none). */
  async pending(): Promise<{ count: number; oldestAgeSeconds: number }> {
    const rows = await this.options.db.$queryRawUnsafe<{ n: number | string | bigint; age: number | string | null }[]>(
      `SELECT count(*)::int AS n, EXTRACT(EPOCH FROM (now() - min("created_at")))::float8 AS age FROM ${this.table} WHERE "published_at" IS NULL`,
    );
    return { count: Number(rows[0]?.n ?? 0), oldestAgeSeconds: Math.max(0, Number(rows[0]?.age ?? 0)) };
  }

  /** Publishes everything pending now; stops early when a row fails (it stays for a later poll). Returns how many were published. */
  async flush(): Promise<number> {
    let published = 0;
    for (;;) {
      const batch = await this.publishBatch();
      published += batch.published;
      this.leftBehind = batch.failed > 0;
      if (batch.claimed < this.batchSize || batch.failed > 0) return published;
    }
  }

  /**
   * A commit wrote rows (or the poll is due): publish now. One flush runs at a time and at most
   * one more is queued behind it, and only if a commit was announced after its last claim began
   * (a claim sees every commit announced before it), so a burst of commits costs a few claims.
   */
  private wakeUp(): void {
    if (!this.active) return;
    this.wokenSinceClaim = true;
    if (this.running) return;
    clearTimeout(this.timer);
    this.running = this.flush()
      .catch((error: unknown) => {
        // The database is not answering: the next poll tries again, not every commit announced meanwhile.
        this.wokenSinceClaim = false;
        this.leftBehind = true;
        this.logger.error('outbox relay poll failed', { table: this.table, error: errorText(error) });
      })
      .finally(() => {
        this.running = undefined;
        if (this.wokenSinceClaim) this.wakeUp();
        else this.schedule();
      });
  }

  private schedule(): void {
    if (!this.active) return;
    this.timer = setTimeout(() => this.wakeUp(), this.leftBehind ? this.intervalMs : this.idleIntervalMs);
  }

  private publishBatch(): Promise<BatchResult> {
    return this.options.db.$transaction(
      async (tx) => {
        // Set before the claim is sent: its snapshot holds every commit announced until now.
        this.wokenSinceClaim = false;
        const rows = await tx.$queryRawUnsafe<OutboxRow[]>(
          `SELECT "id"::text AS "id", "topic", "message_key" AS "key", "payload"::text AS "payload", "headers"::text AS "headers"
             FROM ${this.table} WHERE "published_at" IS NULL ORDER BY "created_at", "id" LIMIT $1 FOR UPDATE SKIP LOCKED`,
          this.batchSize,
        );
        const outcomes = await Promise.all([...byKey(rows).values()].map((sameKey) => this.publishInOrder(sameKey)));
        const published = outcomes.flatMap((outcome) => outcome.published);
        if (published.length > 0) await tx.$executeRawUnsafe(`DELETE FROM ${this.table} WHERE "id" = ANY($1::uuid[])`, published);
        const failures = outcomes.flatMap((outcome) => outcome.failure ?? []);
        for (const { row, error } of failures) {
          await tx.$executeRawUnsafe(`UPDATE ${this.table} SET "attempts" = "attempts" + 1, "last_error" = $2 WHERE "id" = $1::uuid`, row.id, error);
        }
        return { claimed: rows.length, published: published.length, failed: failures.length };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  }

  /** One key's rows in order; after a failure the later rows wait too, or consumers would see them out of order. */
  private async publishInOrder(rows: OutboxRow[]): Promise<KeyOutcome> {
    const published: string[] = [];
    for (const row of rows) {
      try {
        await this.publishRow(row);
        published.push(row.id);
      } catch (error) {
        const text = errorText(error);
        this.logger.error('outbox row not published; will retry', { table: this.table, id: row.id, topic: row.topic, error: text });
        return { published, failure: { row, error: text } };
      }
    }
    return { published };
  }

  private publishRow(row: OutboxRow): Promise<void> {
    const contract = this.options.registry.get(row.topic);
    const headers = JSON.parse(row.headers) as MessageHeaders;
    return withStoredContext(headers, () => this.options.bus.publish(contract, JSON.parse(row.payload) as unknown, { key: row.key, headers, id: row.id }));
  }
}

/** Rows grouped by key, each group in claim (created) order, groups in order of their first row. */
function byKey(rows: readonly OutboxRow[]): Map<string, OutboxRow[]> {
  const keys = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const sameKey = keys.get(row.key);
    if (sameKey) sameKey.push(row);
    else keys.set(row.key, [row]);
  }
  return keys;
}
