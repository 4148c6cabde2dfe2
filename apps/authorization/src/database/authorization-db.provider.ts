import { prismaProvider } from '@payments/runtime';

import { PrismaClient } from '../generated/prisma/client';

export const AUTHORIZATION_DB = Symbol('AuthorizationDb');
export type AuthorizationDb = PrismaClient;

export const authorizationDbProvider = prismaProvider(AUTHORIZATION_DB, 'authorization', (adapter) => new PrismaClient({ adapter }));
