import { authorizeRpc } from '@payments/contracts';
import { launchService } from '@payments/runtime';

import { loadGatewayEnv } from './config/gateway-env';
import { GatewayModule } from './gateway.module';

// Registers reach the gateway's PORT: its metrics (and any operator route) are served on 8081 instead.
launchService({
  name: 'gateway',
  defaultPort: 3000,
  defaultOperatorPort: 8081,
  openApi: true,
  module: (env) => GatewayModule.forRoot(env),
  registerPortTls: (env) => loadGatewayEnv(env).GATEWAY_REGISTER_TLS,
  rpc: (env) => ({ endpoints: { [authorizeRpc.service]: loadGatewayEnv(env).GATEWAY_AUTHORIZATION_GRPC_URL } }),
});
