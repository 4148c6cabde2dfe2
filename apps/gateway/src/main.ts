import { launchService } from '@payments/runtime';

import { GatewayModule } from './gateway.module';

launchService({ name: 'gateway', defaultPort: 3000, openApi: true, module: (env) => GatewayModule.forRoot(env) });
