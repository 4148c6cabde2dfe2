import { launchService } from '@payments/runtime';

import { AuthorizationModule } from './authorization.module';

launchService({ name: 'authorization', defaultPort: 3001, module: (env) => AuthorizationModule.forRoot(env) });
