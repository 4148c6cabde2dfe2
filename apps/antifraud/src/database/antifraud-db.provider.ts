import { prismaProvider } from '@payments/runtime';

import { PrismaClient } from '../generated/prisma/client';

export const ANTIFRAUD_DB = Symbol('AntifraudDb');
export type AntifraudDb = PrismaClient;

export const antifraudDbProvider = prismaProvider(ANTIFRAUD_DB, 'antifraud', (adapter) => new PrismaClient({ adapter }));
