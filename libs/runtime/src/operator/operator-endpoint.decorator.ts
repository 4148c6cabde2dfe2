import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';

import { ApiErrorResponses } from '../openapi/api-error-responses.decorator';
import { OPERATOR_KEY_SCHEME } from '../openapi/openapi.schemes';
import { OperatorKeyGuard } from './operator-key.guard';

/** Metadata: the route is for operators (served on the operator listener only, when there is one). */
export const OPERATOR_ENDPOINT = 'payments:operator-endpoint';
/** Metadata: the route answers on every listener (health, for probes and load balancers). */
export const EVERY_LISTENER = 'payments:every-listener';

/** An operators' controller or route: the operator key, the operator listener, and its 401 documented. */
export function OperatorEndpoint(): ClassDecorator & MethodDecorator {
  return applyDecorators(SetMetadata(OPERATOR_ENDPOINT, true), UseGuards(OperatorKeyGuard), ApiBearerAuth(OPERATOR_KEY_SCHEME), ApiErrorResponses(401));
}

/** Open on every listener, without a key. */
export const EveryListener = (): ClassDecorator & MethodDecorator => SetMetadata(EVERY_LISTENER, true);
