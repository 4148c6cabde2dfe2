import { DynamicModule, Module } from '@nestjs/common';

import { qrMerchantDbProvider } from './database/qr-merchant-db.provider';

/** The qr-merchant service as one module. Thin for now: it boots, owns its schema and reports health. */
@Module({})
export class QrMerchantModule {
  static forRoot(_env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return { module: QrMerchantModule, providers: [qrMerchantDbProvider] };
  }
}
