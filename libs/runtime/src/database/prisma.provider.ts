import { OnApplicationShutdown, Provider } from '@nestjs/common';

import type { Database, SqlConnection } from '@payments/persistence';

import { ReadinessRegistry } from '../health/readiness.registry';
import { DATABASE_FACTORY } from '../tokens/platform.tokens';
import { DatabaseFactory } from './database.factory';

interface PrismaLike {
  $queryRawUnsafe(query: string): Promise<unknown>;
  $disconnect(): Promise<void>;
}

/** A provider of something made over the app's own database (schema), ready when `ping` answers. */
function databaseProvider<T>(token: symbol, app: string, create: (db: Database) => T, ping: (made: T) => Promise<unknown>): Provider {
  return {
    provide: token,
    inject: [DATABASE_FACTORY, ReadinessRegistry],
    useFactory: async (databases: DatabaseFactory, readiness: ReadinessRegistry): Promise<T> => {
      const made = create(await databases.open(app));
      readiness.register(`${app}.database`, async () => {
        await ping(made);
        return true;
      });
      return made;
    },
  };
}

/**
 * A service's Prisma client over its own database (schema), with a readiness check. Each app
 * passes its own generated PrismaClient constructor.
 */
export function prismaProvider<T extends PrismaLike>(token: symbol, app: string, create: (adapter: Database['adapter']) => T): Provider {
  return databaseProvider(
    token,
    app,
    (db): T & OnApplicationShutdown => {
      const client = create(db.adapter);
      return Object.assign(client, { onApplicationShutdown: () => client.$disconnect() });
    },
    (client) => client.$queryRawUnsafe('SELECT 1'),
  );
}

/**
 * Plain parameterized SQL on a service's own database (schema), with a readiness check: for a hot
 * path of a statement or two, where building each query through Prisma costs more than running it.
 */
export function sqlConnectionProvider(token: symbol, app: string): Provider {
  return databaseProvider<SqlConnection>(
    token,
    app,
    (db) => db.connection,
    (connection) => connection.query('SELECT 1'),
  );
}

/**
 * The raw connection of the database a Prisma provider (`prismaToken`) opened for `app`: the same
 * pool (the same PGlite in the embedded mode, which must not be opened twice), so no second set of
 * connections. For an app whose hot path runs plain SQL while the rest of it stays on Prisma.
 */
export function openedSqlProvider(token: symbol, prismaToken: symbol, app: string): Provider {
  return {
    provide: token,
    inject: [prismaToken, DATABASE_FACTORY],
    useFactory: (_opened: unknown, databases: DatabaseFactory): SqlConnection => {
      const database = databases.opened(app);
      if (!database) throw new Error(`the ${app} database is not open`);
      return database.connection;
    },
  };
}
