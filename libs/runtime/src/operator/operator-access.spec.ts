import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Controller, Get, INestApplication, Module, Post } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';

import { InMemoryCache } from '@payments/cache';
import { InMemoryMessageBus } from '@payments/messaging';
import { MetricsModule } from '@payments/observability';
import { InProcessRpc } from '@payments/rpc';

import { createNestApp } from '../bootstrap/nest-app.factory';
import { DatabaseFactory } from '../database/database.factory';
import { ApiErrorResponses } from '../openapi/api-error-responses.decorator';
import { PlatformModule } from '../platform/platform.module';
import { OperatorEndpoint } from './operator-endpoint.decorator';
import { hashOperatorKey, OperatorKeyRing } from './operator-key.ring';
import { OperatorListener } from './operator-listener';

const OPERATOR_KEY = 'operator-key-for-this-spec';

@OperatorEndpoint('journal')
@Controller('v1/journal/transactions')
class FakeJournalController {
  @Get()
  list(): { items: string[] } {
    return { items: ['t1'] };
  }
}

@ApiBearerAuth('terminal-key')
@ApiErrorResponses(400, 401, 409, 422, 504)
@Controller('v1/purchases')
class FakePurchaseController {
  @Post()
  create(): { status: string } {
    return { status: 'approved' };
  }
}

@Module({ controllers: [FakeJournalController, FakePurchaseController] })
class FakeServicesModule {}

const silent = { log: () => undefined, error: () => undefined, warn: () => undefined };

describe('operator access (operator key and operator listener)', () => {
  let app: INestApplication;
  let registerUrl: string;
  let operatorUrl: string;

  beforeAll(async () => {
    const listener = new OperatorListener();
    const operator = { keys: OperatorKeyRing.fromConfig(hashOperatorKey(OPERATOR_KEY), undefined), listener };
    const databases = new DatabaseFactory({ mode: { kind: 'pglite' }, migrateOnOpen: false });
    app = await createNestApp(
      {
        module: class HostModule {},
        imports: [
          PlatformModule.forRoot({ bus: new InMemoryMessageBus(), rpc: new InProcessRpc(), cache: new InMemoryCache(), databases, operator }),
          MetricsModule.forRoot({ service: 'spec' }),
          FakeServicesModule,
        ],
      },
      { title: 'spec', logger: silent, openApi: true, operatorListener: listener },
    );
    await app.init();
    await listener.open(app, 0, '127.0.0.1');
    await app.listen(0, '127.0.0.1');
    registerUrl = `http://127.0.0.1:${((app.getHttpServer() as Server).address() as AddressInfo).port}`;
    operatorUrl = `http://127.0.0.1:${String(listener.port)}`;
  });

  afterAll(() => app.close());

  const get = async (url: string, key?: string) => {
    const response = await fetch(url, { headers: key ? { authorization: `Bearer ${key}` } : {} });
    return { status: response.status, text: await response.text() };
  };

  it('answers 404 for the journal and metrics on the register-facing port, even with the key', async () => {
    expect((await get(`${registerUrl}/v1/journal/transactions`, OPERATOR_KEY)).status).toBe(404);
    expect((await get(`${registerUrl}/metrics`)).status).toBe(404);
  });

  it('serves the journal on the operator port to the operator key only', async () => {
    expect(await get(`${operatorUrl}/v1/journal/transactions`)).toMatchObject({
      status: 401,
      text: expect.stringContaining('missing operator key or session'),
    });
    expect(await get(`${operatorUrl}/v1/journal/transactions`, 'not-the-key')).toMatchObject({
      status: 401,
      text: expect.stringContaining('unknown operator key'),
    });
    expect(await get(`${operatorUrl}/v1/journal/transactions`, OPERATOR_KEY)).toEqual({ status: 200, text: '{"items":["t1"]}' });
  });

  it('serves metrics on the operator port without a key, for Prometheus', async () => {
    expect(await get(`${operatorUrl}/metrics`)).toMatchObject({ status: 200, text: expect.stringContaining('# HELP') });
  });

  it('does not serve register operations on the operator port', async () => {
    expect((await fetch(`${operatorUrl}/v1/purchases`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${registerUrl}/v1/purchases`, { method: 'POST' })).status).toBe(201);
  });

  it('keeps health open on both ports', async () => {
    expect((await get(`${registerUrl}/health/live`)).status).toBe(200);
    expect((await get(`${operatorUrl}/health/live`)).status).toBe(200);
  });

  it('documents on each port what that port serves, the keys as bearer API keys and the error responses', async () => {
    const registerDoc = JSON.parse((await get(`${registerUrl}/docs-json`)).text) as OpenApi;
    const operatorDoc = JSON.parse((await get(`${operatorUrl}/docs-json`)).text) as OpenApi;

    expect(Object.keys(registerDoc.paths)).toEqual(['/v1/purchases']);
    expect(Object.keys(operatorDoc.paths).sort()).toEqual(['/metrics', '/v1/journal/transactions']);
    expect(registerDoc.components.securitySchemes['terminal-key']).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'API key' }),
    );
    expect(Object.keys(registerDoc.paths['/v1/purchases'].post.responses)).toEqual(expect.arrayContaining(['400', '401', '409', '422', '504']));
    expect(registerDoc.paths['/v1/purchases'].post.responses['400'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ApiErrorBody' });
    expect(Object.keys(operatorDoc.paths['/v1/journal/transactions'].get.responses)).toEqual(expect.arrayContaining(['401', '403']));
  });
});

interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: unknown }> }> }>>;
  components: { securitySchemes: Record<string, unknown> };
}
