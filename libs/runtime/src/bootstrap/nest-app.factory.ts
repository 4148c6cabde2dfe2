import { DynamicModule, INestApplication, LoggerService, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

import { refuseDeepJson } from './json-depth.limit';
import { createValidationPipe } from './validation.pipe';

export interface NestAppOptions {
  readonly title: string;
  readonly logger: LoggerService;
  /** Serve OpenAPI at /docs (JSON at /docs-json). */
  readonly openApi?: boolean;
}

/** One Nest application with the platform's pipes, shutdown hooks and API docs. */
export async function createNestApp(rootModule: Type<unknown> | DynamicModule, options: NestAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule, { logger: options.logger });
  // Registered before Nest's own JSON parser, which then leaves the body alone; the default size limit stays.
  app.useBodyParser('json', { verify: refuseDeepJson() });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  if (options.openApi) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle(options.title)
        .setDescription('Payment platform API: card-present operations for cash registers.')
        .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'terminal API key' }, 'terminal-key')
        .build(),
    );
    SwaggerModule.setup('docs', app, document);
  }
  return app;
}
