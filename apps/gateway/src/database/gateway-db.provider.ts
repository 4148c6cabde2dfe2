import type { Provider } from '@nestjs/common';

import type { SqlConnection } from '@payments/persistence';
import { DATABASE_FACTORY, type DatabaseFactory, prismaProvider } from '@payments/runtime';

import { PrismaClient } from '../generated/prisma/client';

export const GATEWAY_DB = Symbol('GatewayDb');
export type GatewayDb = PrismaClient;

export const gatewayDbProvider = prismaProvider(GATEWAY_DB, 'gateway', (adapter) => new PrismaClient({ adapter }));

/** Plain parameterized SQL for the purchase path's statements (the idempotency record), without Prisma's query building. */
export const GATEWAY_SQL = Symbol('GatewaySql');
export type GatewaySql = SqlConnection;

/**
 * The raw connection of the database GATEWAY_DB opened: the same pool (the same PGlite in the
 * embedded mode, which must not be opened twice), so no second set of connections.
 */
export const gatewaySqlProvider: Provider = {
  provide: GATEWAY_SQL,
  inject: [GATEWAY_DB, DATABASE_FACTORY],
  useFactory: (_opened: GatewayDb, databases: DatabaseFactory): GatewaySql => {
    const database = databases.opened('gateway');
    if (!database) throw new Error('the gateway database is not open');
    return database.connection;
  },
};
