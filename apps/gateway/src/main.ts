import { launchService } from '@payments/runtime';

import { GatewayModule } from './gateway.module';

// Registers reach the gateway's PORT: its metrics (and any operator route) are served on 8081 instead.
launchService({ name: 'gateway', defaultPort: 3000, defaultOperatorPort: 8081, openApi: true, module: (env) => GatewayModule.forRoot(env) });
