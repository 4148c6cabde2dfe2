import { launchService } from '@payments/runtime';

import { AntifraudModule } from './antifraud.module';
import { loadAntifraudEnv } from './config/antifraud-env';

launchService({
  name: 'antifraud',
  defaultPort: 3002,
  module: (env) => AntifraudModule.forRoot(env),
  rpc: (env) => ({ port: loadAntifraudEnv(env).ANTIFRAUD_GRPC_PORT }),
});
