import type { Provider } from '@nestjs/common';

import { resolveAcquirerNetwork } from '../acquirer/routing/acquirer-network.loader';
import type { AcquirerNetwork } from '../acquirer/routing/acquirer-network.schema';
import { ACQUIRER_NETWORK } from '../acquirer/routing/acquirer-network.token';
import type { AuthorizationEnv } from './authorization-env';
import { AUTHORIZATION_ENV } from './authorization-env.provider';

/** AUTHORIZATION_ACQUIRERS (or its file), else one "default" acquirer from the single-acquirer variables. */
export function acquirerNetworkOf(env: AuthorizationEnv): AcquirerNetwork {
  return resolveAcquirerNetwork(env.AUTHORIZATION_ACQUIRERS ?? env.AUTHORIZATION_ACQUIRERS_FILE, {
    host: env.AUTHORIZATION_ACQUIRER_HOST,
    port: env.AUTHORIZATION_ACQUIRER_PORT,
    responseTimeoutMs: env.AUTHORIZATION_HOST_TIMEOUT_MS,
    signOn: env.AUTHORIZATION_ACQUIRER_SIGN_ON,
    echoIntervalMs: env.AUTHORIZATION_ACQUIRER_ECHO_INTERVAL_MS,
    connections: env.AUTHORIZATION_ACQUIRER_CONNECTIONS,
    timeZone: env.AUTHORIZATION_ACQUIRER_TIME_ZONE,
  });
}

export const acquirerNetworkProvider: Provider = { provide: ACQUIRER_NETWORK, useFactory: acquirerNetworkOf, inject: [AUTHORIZATION_ENV] };
