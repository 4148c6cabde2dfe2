import { readFileSync } from 'node:fs';

import type { GatewayEnv } from '../config/gateway-env';
import { OperatorProxy, type ProxyRoute } from './operator-proxy';

/** The operator routes the gateway forwards (distributed mode), or undefined when no service URL is set. */
export function operatorProxyOf(env: GatewayEnv): OperatorProxy | undefined {
  const routes: ProxyRoute[] = [];
  const authorization = env.GATEWAY_OPERATOR_PROXY_AUTHORIZATION_URL;
  if (authorization) routes.push({ prefix: '/v1/journal', target: new URL(authorization) }, { prefix: '/v1/pin-pads', target: new URL(authorization) });
  const settlement = env.GATEWAY_OPERATOR_PROXY_SETTLEMENT_URL;
  if (settlement) routes.push({ prefix: '/v1/settlement', target: new URL(settlement) });
  if (routes.length === 0) return undefined;
  return new OperatorProxy(routes, env.TLS_CA_FILE ? readFileSync(env.TLS_CA_FILE) : undefined);
}
