import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { Request } from 'express';

import { OPERATOR_KEY_SCHEME, OPERATOR_SESSION_SCHEME, TERMINAL_KEY_SCHEME } from './openapi.schemes';

/** Which listener a request came in on (OperatorListener), so each documents what it serves. */
export interface DocumentedListeners {
  readonly port: number | undefined;
  received(request: Request): boolean;
}

/**
 * Serves OpenAPI at /docs (JSON at /docs-json). The keys are opaque API keys sent as bearer
 * tokens, not JWTs. With an operator listener, each listener documents only what it serves.
 */
export function serveOpenApi(app: INestApplication, title: string, listener?: DocumentedListeners): void {
  const config = new DocumentBuilder()
    .setTitle(title)
    .setDescription('Payment platform API: card-present operations for cash registers, and the operators\u2019 journal and totals.')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'API key', description: 'the terminal API key issued for the register (an opaque key, not a JWT)' },
      TERMINAL_KEY_SCHEME,
    )
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'API key',
        description: 'an operator key (OPERATOR_KEY_HASHES holds its SHA-256 hash), or the token of an operator session (POST /v1/operator/session); not a JWT',
      },
      OPERATOR_KEY_SCHEME,
    )
    .addCookieAuth(
      'payments_operator_session',
      { type: 'apiKey', in: 'cookie', description: 'the operator session a login set (HttpOnly, SameSite=Strict)' },
      OPERATOR_SESSION_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, {
    patchDocumentOnRequest: (req, _res, doc) => (listener?.port === undefined ? doc : documentFor(doc, listener.received(req as Request))),
  });
}

/** The paths one listener serves: the operators' (secured by the operator key, and metrics) or the rest. */
export function documentFor(document: OpenAPIObject, operators: boolean): OpenAPIObject {
  const paths = Object.fromEntries(Object.entries(document.paths).filter(([path, item]) => isOperatorPath(path, item) === operators));
  return { ...document, paths };
}

function isOperatorPath(path: string, item: OpenAPIObject['paths'][string]): boolean {
  if (path === '/metrics' || path.startsWith('/v1/operator/')) return true;
  const operations = [item.get, item.post, item.put, item.patch, item.delete].filter((op) => op !== undefined);
  return operations.some((op) => (op.security ?? []).some((requirement) => OPERATOR_KEY_SCHEME in requirement));
}
