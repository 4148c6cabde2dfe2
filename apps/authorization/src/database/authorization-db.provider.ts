import type { SqlConnection } from '@payments/persistence';
import { openedSqlProvider, prismaProvider } from '@payments/runtime';

import { Prisma, PrismaClient } from '../generated/prisma/client';

export const AUTHORIZATION_DB = Symbol('AuthorizationDb');
export type AuthorizationDb = PrismaClient;

export const authorizationDbProvider = prismaProvider(AUTHORIZATION_DB, 'authorization', (adapter) => new PrismaClient({ adapter }));
/** The client inside `db.$transaction(async (tx) => ...)`. */
export type AuthorizationTx = Prisma.TransactionClient;

/**
 * Plain parameterized SQL for the journal's hot statements (open, rail reference, outcome), on the
 * pool AUTHORIZATION_DB opened: Prisma's raw queries cost the purchase path about a tenth of the
 * service's CPU, and a plain statement runs prepared.
 */
export const AUTHORIZATION_SQL = Symbol('AuthorizationSql');
export type AuthorizationSql = SqlConnection;

export const authorizationSqlProvider = openedSqlProvider(AUTHORIZATION_SQL, AUTHORIZATION_DB, 'authorization');
