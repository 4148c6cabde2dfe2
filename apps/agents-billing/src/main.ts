import { launchService } from '@payments/runtime';

import { AgentsBillingModule } from './agents-billing.module';

launchService({ name: 'agents-billing', defaultPort: 3004, module: (env) => AgentsBillingModule.forRoot(env) });
