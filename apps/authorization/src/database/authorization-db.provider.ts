import { prismaProvider } from '@payments/runtime';

import { Prisma, PrismaClient } from '../generated/prisma/client';

export const AUTHORIZATION_DB = Symbol('AuthorizationDb');
export type AuthorizationDb = PrismaClient;

export const authorizationDbProvider = prismaProvider(AUTHORIZATION_DB, 'authorization', (adapter) => new PrismaClient({ adapter }));
/** The client inside `db.$transaction(async (tx) => ...)`. */
export type AuthorizationTx = Prisma.TransactionClient;
