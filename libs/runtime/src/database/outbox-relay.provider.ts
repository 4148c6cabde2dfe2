import { OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';

import type { TopicContract } from '@payments/contracts';
import { MessageBus, OutboxRelay, outboxChannelOf, TopicRegistry } from '@payments/messaging';
import type { TransactionalSqlExecutor } from '@payments/persistence';

import { DATABASE_FACTORY, MESSAGE_BUS } from '../tokens/platform.tokens';
import { DatabaseFactory } from './database.factory';
import { OutboxMetrics } from './outbox.metrics';
import { schemaOf } from './migrations.locator';
import { SqlConnectionExecutor } from './sql-connection.executor';

/** As often as Prometheus usually scrapes: a count more often than that is read by nobody. */
const BACKLOG_EVERY_MS = 15_000;

/** A service's outbox relay: publishes what its transactions wrote, drains on shutdown, reports its backlog and its oldest row's age. */
class OutboxRelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly metrics: OutboxMetrics;
  private timer?: NodeJS.Timeout;

  constructor(
    app: string,
    private readonly relay: OutboxRelay,
  ) {
    this.metrics = new OutboxMetrics(app);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
    this.timer = setInterval(() => void this.metrics.report(this.relay).catch(() => undefined), BACKLOG_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.relay.stop();
  }
}

/**
 * The relay is woken by the commit that wrote its rows (LISTEN/NOTIFY on the service's own
 * database), so an event is on the bus within milliseconds; it polls only as a safety net (every
 * 30 s while nothing is left behind, every 2 s while a row waits to be retried), which keeps an
 * idle service idle.
 */
export function outboxRelayProvider(app: string, dbToken: symbol, topics: TopicContract<unknown>[]): Provider {
  return {
    provide: `${app}.outbox-relay`,
    inject: [dbToken, MESSAGE_BUS, DATABASE_FACTORY],
    useFactory: (client: TransactionalSqlExecutor, bus: MessageBus, databases: DatabaseFactory) => {
      const schema = schemaOf(app);
      const database = databases.opened(app);
      // Plain SQL on the database's own connection: the relay's claims and deletes skip Prisma's engine.
      const db = database ? new SqlConnectionExecutor(database.connection) : client;
      const wake = database && ((onWake: () => void) => database.listen(outboxChannelOf(schema), onWake));
      return new OutboxRelayLifecycle(app, new OutboxRelay({ db, bus, schema, registry: TopicRegistry.of(...topics), wake }));
    },
  };
}
