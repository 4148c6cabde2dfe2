import { prismaProvider } from '@payments/runtime';

import { PrismaClient } from '../generated/prisma/client';

export const GATEWAY_DB = Symbol('GatewayDb');
export type GatewayDb = PrismaClient;

export const gatewayDbProvider = prismaProvider(GATEWAY_DB, 'gateway', (adapter) => new PrismaClient({ adapter }));
