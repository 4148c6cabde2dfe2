import type { SqlConnection } from '@payments/persistence';
import { openedSqlProvider, prismaProvider } from '@payments/runtime';

import { PrismaClient } from '../generated/prisma/client';

export const GATEWAY_DB = Symbol('GatewayDb');
export type GatewayDb = PrismaClient;

export const gatewayDbProvider = prismaProvider(GATEWAY_DB, 'gateway', (adapter) => new PrismaClient({ adapter }));

/** Plain parameterized SQL for the purchase path's statements (the idempotency record), without Prisma's query building. */
export const GATEWAY_SQL = Symbol('GatewaySql');
export type GatewaySql = SqlConnection;

export const gatewaySqlProvider = openedSqlProvider(GATEWAY_SQL, GATEWAY_DB, 'gateway');
