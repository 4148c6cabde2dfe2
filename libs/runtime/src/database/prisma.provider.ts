import { OnApplicationShutdown, Provider } from '@nestjs/common';

import type { Database } from '@payments/persistence';

import { ReadinessRegistry } from '../health/readiness.registry';
import { DATABASE_FACTORY } from '../platform/platform.tokens';
import { DatabaseFactory } from './database.factory';

interface PrismaLike {
  $queryRawUnsafe(query: string): Promise<unknown>;
  $disconnect(): Promise<void>;
}

/**
 * A service's Prisma client over its own database (schema), with a readiness check. Each app
 * passes its own generated PrismaClient constructor.
 */
export function prismaProvider<T extends PrismaLike>(token: symbol, app: string, create: (adapter: Database['adapter']) => T): Provider {
  return {
    provide: token,
    inject: [DATABASE_FACTORY, ReadinessRegistry],
    useFactory: async (databases: DatabaseFactory, readiness: ReadinessRegistry): Promise<T & OnApplicationShutdown> => {
      const db = await databases.open(app);
      const client = create(db.adapter);
      readiness.register(`${app}.database`, async () => {
        await client.$queryRawUnsafe('SELECT 1');
        return true;
      });
      return Object.assign(client, { onApplicationShutdown: () => client.$disconnect() });
    },
  };
}
