import { assertSchemaName, SqlExecutor, TransactionalSqlExecutor } from '@payments/persistence';

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
  /** Pause between polls. Default 200 ms, or 2,000 ms when woken by commits. */
  readonly intervalMs?: number;
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

interface BatchResult {
  readonly claimed: number;
  readonly published: number;
  readonly failed: number;
}

/**
 * Publishes outbox rows in created order and marks them published. Rows are claimed with
 * FOR UPDATE SKIP LOCKED inside one transaction, so two relays never publish the same row; a
 * failed publish counts an attempt, keeps its error and is retried on a later poll, never lost.
 */
export class OutboxRelay {
  private readonly table: string;
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly logger: BusLogger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private wokenWhileRunning = false;
  private stopWaking: (() => Promise<void>) | undefined;
  private active = false;

  constructor(private readonly options: OutboxRelayOptions) {
    this.table = `"${assertSchemaName(options.schema)}"."outbox_message"`;
    this.intervalMs = options.intervalMs ?? (options.wake ? 2_000 : 200);
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
    const rows = await this.options.db.$queryRawUnsafe<{ n: number | string | bigint }[]>(
      `SELECT count(*)::int AS n FROM ${this.table} WHERE "published_at" IS NULL`,
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Publishes everything pending now; stops early when a row fails (it stays for a later poll). Returns how many were published. */
  async flush(): Promise<number> {
    let published = 0;
    for (;;) {
      const batch = await this.publishBatch();
      published += batch.published;
      if (batch.claimed < this.batchSize || batch.failed > 0) return published;
    }
  }

  /** A commit wrote rows (or the poll is due): publish now; one flush at a time, another after it if woken meanwhile. */
  private wakeUp(): void {
    if (!this.active) return;
    if (this.running) {
      this.wokenWhileRunning = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.flush()
      .catch((error: unknown) => this.logger.error('outbox relay poll failed', { table: this.table, error: errorText(error) }))
      .finally(() => {
        this.running = undefined;
        if (this.wokenWhileRunning) {
          this.wokenWhileRunning = false;
          this.wakeUp();
        } else this.schedule();
      });
  }

  private schedule(): void {
    if (!this.active) return;
    this.timer = setTimeout(() => this.wakeUp(), this.intervalMs);
  }

  private publishBatch(): Promise<BatchResult> {
    return this.options.db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRawUnsafe<OutboxRow[]>(
          `SELECT "id"::text AS "id", "topic", "message_key" AS "key", "payload"::text AS "payload", "headers"::text AS "headers"
             FROM ${this.table} WHERE "published_at" IS NULL ORDER BY "created_at", "id" LIMIT $1 FOR UPDATE SKIP LOCKED`,
          this.batchSize,
        );
        const blockedKeys = new Set<string>();
        let published = 0;
        for (const row of rows) {
          // After a failure, later rows of the same key wait too, or consumers would see them out of order.
          if (blockedKeys.has(row.key)) continue;
          if (await this.publishRow(tx, row)) published += 1;
          else blockedKeys.add(row.key);
        }
        return { claimed: rows.length, published, failed: blockedKeys.size };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  }

  private async publishRow(tx: SqlExecutor, row: OutboxRow): Promise<boolean> {
    try {
      const contract = this.options.registry.get(row.topic);
      const headers = JSON.parse(row.headers) as MessageHeaders;
      await withStoredContext(headers, () => this.options.bus.publish(contract, JSON.parse(row.payload) as unknown, { key: row.key, headers, id: row.id }));
      await tx.$executeRawUnsafe(`UPDATE ${this.table} SET "published_at" = now() WHERE "id" = $1::uuid`, row.id);
      return true;
    } catch (error) {
      const text = errorText(error);
      this.logger.error('outbox row not published; will retry', { table: this.table, id: row.id, topic: row.topic, error: text });
      await tx.$executeRawUnsafe(`UPDATE ${this.table} SET "attempts" = "attempts" + 1, "last_error" = $2 WHERE "id" = $1::uuid`, row.id, text);
      return false;
    }
  }
}
