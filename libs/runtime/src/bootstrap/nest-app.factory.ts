import type { Server as TlsServer } from 'node:tls';

import { DynamicModule, INestApplication, LoggerService, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';

import { DocumentedListeners, serveOpenApi } from '../openapi/openapi.document';
import { TlsFiles } from '../tls/tls-files';
import { refuseDeepJson } from './json-depth.limit';
import { createValidationPipe } from './validation.pipe';

export interface NestAppOptions {
  readonly title: string;
  readonly logger: LoggerService;
  /** Serve OpenAPI at /docs (JSON at /docs-json). */
  readonly openApi?: boolean;
  /** Where the operators' endpoints are served, so each listener's /docs shows its own. */
  readonly operatorListener?: DocumentedListeners;
  /** The main listener serves HTTPS with these files' certificate (re-read while running); absent: HTTP. */
  readonly tls?: TlsFiles;
}

/** One Nest application with the platform's pipes, shutdown hooks and API docs. */
export async function createNestApp(rootModule: Type<unknown> | DynamicModule, options: NestAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule, { logger: options.logger, httpsOptions: options.tls?.httpsOptions() });
  if (options.tls) options.tls.keepFresh(app.getHttpServer() as unknown as TlsServer);
  // Registered before Nest's own JSON parser, which then leaves the body alone; the default size limit stays.
  app.useBodyParser('json', { verify: refuseDeepJson() });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  if (options.openApi) serveOpenApi(app, options.title, options.operatorListener);
  return app;
}
