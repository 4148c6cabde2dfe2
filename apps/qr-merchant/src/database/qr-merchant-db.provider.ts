import { prismaProvider } from '@payments/runtime';

import { PrismaClient } from '../generated/prisma/client';

export const QR_MERCHANT_DB = Symbol('QrMerchantDb');

export const qrMerchantDbProvider = prismaProvider(QR_MERCHANT_DB, 'qr-merchant', (adapter) => new PrismaClient({ adapter }));
