import { assessRpc } from '@payments/contracts';
import { launchService } from '@payments/runtime';

import { AuthorizationModule } from './authorization.module';
import { loadAuthorizationEnv } from './config/authorization-env';

launchService({
  name: 'authorization',
  defaultPort: 3001,
  module: (env) => AuthorizationModule.forRoot(env),
  rpc: (env) => {
    const config = loadAuthorizationEnv(env);
    return { port: config.AUTHORIZATION_GRPC_PORT, endpoints: { [assessRpc.service]: config.AUTHORIZATION_ANTIFRAUD_GRPC_URL } };
  },
});
