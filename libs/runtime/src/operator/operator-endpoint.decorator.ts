import { applyDecorators, SetMetadata, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth } from '@nestjs/swagger';

import type { Area } from '@payments/identity';

import { ApiErrorResponses } from '../openapi/api-error-responses.decorator';
import { OPERATOR_KEY_SCHEME, OPERATOR_SESSION_SCHEME } from '../openapi/openapi.schemes';
import { OperatorAuditInterceptor } from './operator-audit.interceptor';
import { OperatorGuard } from './operator.guard';

/** Metadata: the route is for operators (served on the operator listener only, when there is one). */
export const OPERATOR_ENDPOINT = 'payments:operator-endpoint';
/** Metadata: the area of the permission table a route belongs to (read for GET, write otherwise). */
export const OPERATOR_AREA = 'payments:operator-area';
/** Metadata: the route answers on every listener (health, for probes and load balancers). */
export const EVERY_LISTENER = 'payments:every-listener';

/**
 * An operators' controller or route, in `area` of the permission table: GET needs `<area>:read`,
 * any other method `<area>:write`. Served on the operator listener only; an operator session or
 * key required; 403s and state-changing calls audited. Without an area: any operator (their own
 * session and account).
 */
export function OperatorEndpoint(area?: Area): ClassDecorator & MethodDecorator {
  return applyDecorators(
    SetMetadata(OPERATOR_ENDPOINT, true),
    ...(area === undefined ? [] : [SetMetadata(OPERATOR_AREA, area)]),
    UseGuards(OperatorGuard),
    UseInterceptors(OperatorAuditInterceptor),
    ApiCookieAuth(OPERATOR_SESSION_SCHEME),
    ApiBearerAuth(OPERATOR_KEY_SCHEME),
    ApiErrorResponses(401, 403),
  );
}

/** On the operator listener, open to anyone who reaches it (the login). */
export const OperatorListenerOnly = (): ClassDecorator & MethodDecorator => SetMetadata(OPERATOR_ENDPOINT, true);

/** Open on every listener, without a key. */
export const EveryListener = (): ClassDecorator & MethodDecorator => SetMetadata(EVERY_LISTENER, true);
