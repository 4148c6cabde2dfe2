import { prismaProvider } from '@payments/runtime';

import { PrismaClient } from '../generated/prisma/client';

export const AGENTS_BILLING_DB = Symbol('AgentsBillingDb');

export const agentsBillingDbProvider = prismaProvider(AGENTS_BILLING_DB, 'agents-billing', (adapter) => new PrismaClient({ adapter }));
