import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse } from '@nestjs/swagger';

import { ApiErrorBody, ApiFieldProblem } from './api-error-body';

/** What each error status means on this platform's APIs, as OpenAPI shows it. */
const MEANINGS = {
  400: 'A field is missing, of the wrong type or malformed (one line per field), a header is missing, or the JSON is malformed or nested deeper than 32 levels. Nothing was written.',
  401: 'Missing or unknown key (Authorization: Bearer <key>), or an operator session missing, expired or unknown (message says which).',
  403: "The operator's role lacks the permission the route needs (message names it, e.g. settlement:write); audited.",
  404: 'No such resource for this key (or the route is not served on this port).',
  409: 'The same Idempotency-Key and body are still being processed: retry for the outcome.',
  410: 'The prompt expired before it was answered; the operation was refused or reversed.',
  422: 'A business rule refused the operation (named in message); nothing changed. Also: the Idempotency-Key was used with a different body.',
  502: 'The acquirer host did not answer (connection check, close of day).',
  504: 'The outcome was not known in time: an operation that moves money is being reversed (start a new one); a cancel or an inquiry may be retried with the same key.',
} as const;

export type ApiErrorStatus = keyof typeof MEANINGS;

/** Documents the error responses a route can give, each with the platform's error body. */
export function ApiErrorResponses(...statuses: ApiErrorStatus[]): ClassDecorator & MethodDecorator {
  return applyDecorators(
    ApiExtraModels(ApiErrorBody, ApiFieldProblem),
    ...statuses.map((status) => ApiResponse({ status, description: MEANINGS[status], type: ApiErrorBody })),
  );
}
