import { launchService } from '@payments/runtime';

import { SettlementModule } from './settlement.module';

launchService({ name: 'settlement', defaultPort: 3003, module: (env) => SettlementModule.forRoot(env) });
