import { prismaProvider } from '@payments/runtime';

import { PrismaClient } from '../generated/prisma/client';

export const SETTLEMENT_DB = Symbol('SettlementDb');
export type SettlementDb = PrismaClient;

export const settlementDbProvider = prismaProvider(SETTLEMENT_DB, 'settlement', (adapter) => new PrismaClient({ adapter }));
