import { authorizeRpc } from '@payments/contracts';
import { launchService } from '@payments/runtime';

import { loadGatewayEnv } from './config/gateway-env';
import { GatewayModule } from './gateway.module';

launchService({
  name: 'gateway',
  defaultPort: 3000,
  openApi: true,
  module: (env) => GatewayModule.forRoot(env),
  rpc: (env) => ({ endpoints: { [authorizeRpc.service]: loadGatewayEnv(env).GATEWAY_AUTHORIZATION_GRPC_URL } }),
});
