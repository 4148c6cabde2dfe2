import { launchService } from '@payments/runtime';

import { QrMerchantModule } from './qr-merchant.module';

launchService({ name: 'qr-merchant', defaultPort: 3005, module: (env) => QrMerchantModule.forRoot(env) });
