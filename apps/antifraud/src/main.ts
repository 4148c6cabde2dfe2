import { launchService } from '@payments/runtime';

import { AntifraudModule } from './antifraud.module';

launchService({ name: 'antifraud', defaultPort: 3002, module: (env) => AntifraudModule.forRoot(env) });
