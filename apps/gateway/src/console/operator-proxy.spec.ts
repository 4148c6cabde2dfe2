import { createServer, get as httpGet, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { OperatorProxy } from './operator-proxy';
import { OPERATOR_PROXY, OperatorProxyController } from './operator-proxy.controller';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** The gateway's forwarding of the console's calls (distributed mode), against a real upstream server. */
describe('operator proxy (the console’s calls forwarded to the service that serves them)', () => {
  let upstream: Server;
  let app: INestApplication;
  let url: string;
  const seen: Seen[] = [];

  beforeAll(async () => {
    upstream = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push({ method: request.method!, url: request.url!, headers: request.headers, body });
        if (request.url!.includes('format=csv')) {
          response.writeHead(200, {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': 'attachment; filename="journal.csv"',
            'x-internal': 'no',
          });
          response.end('transactionId\n1\n');
          return;
        }
        response.writeHead(request.method === 'POST' ? 403 : 200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        response.end(JSON.stringify({ answered: request.url }));
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const target = new URL(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`);
    const proxy = new OperatorProxy([
      { prefix: '/v1/journal', target },
      { prefix: '/v1/pin-pads', target },
    ]);
    @Module({ controllers: [OperatorProxyController], providers: [{ provide: OPERATOR_PROXY, useValue: proxy }] })
    class ProxyModule {}
    app = await NestFactory.create(ProxyModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${((app.getHttpServer() as Server).address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => upstream.close(resolve));
  });

  it('forwards a read with its query and the session cookie, and answers what the service answered', async () => {
    const response = await fetch(`${url}/v1/journal/transactions?terminalId=DEMO0001&limit=5`, { headers: { cookie: 'payments_operator_session=abc' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ answered: '/v1/journal/transactions?terminalId=DEMO0001&limit=5' });
    expect(seen.at(-1)).toMatchObject({
      method: 'GET',
      headers: { cookie: 'payments_operator_session=abc', 'x-forwarded-for': expect.stringContaining('127.0.0.1') },
    });
  });

  it('passes the CSV download on with its file name, and a state change with its body and anti-CSRF header (the service’s 403 kept)', async () => {
    const csv = await fetch(`${url}/v1/journal/transactions?format=csv`);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="journal.csv"');
    expect(csv.headers.get('x-internal')).toBeNull();
    expect(await csv.text()).toBe('transactionId\n1\n');

    const block = await fetch(`${url}/v1/pin-pads/PP-1/block`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-operator-request': 'console', authorization: 'Bearer token' },
      body: JSON.stringify({ reason: 'stolen' }),
    });
    expect(block.status).toBe(403);
    expect(seen.at(-1)).toMatchObject({
      method: 'POST',
      url: '/v1/pin-pads/PP-1/block',
      body: '{"reason":"stolen"}',
      headers: { 'x-operator-request': 'console', authorization: 'Bearer token' },
    });
  });

  it('never lets a path climb out of its route (encoded dot segments), and replaces a claimed X-Forwarded-For', async () => {
    const before = seen.length;
    // Sent as is (fetch would resolve the dot segments itself; a raw client does not).
    const raw = (path: string) =>
      new Promise<{ status: number; cacheControl: unknown }>((resolve, reject) => {
        const { hostname, port } = new URL(url);
        httpGet({ hostname, port, path }, (answer) => {
          answer.resume();
          resolve({ status: answer.statusCode ?? 0, cacheControl: answer.headers['cache-control'] });
        }).on('error', reject);
      });
    for (const path of ['/v1/journal/%2e%2e/%2e%2e/metrics', '/v1/pin-pads/%2E%2E/%2E%2E/docs', '/v1/journal/%2e%2e/pin-pads', '/v1/journal/../../metrics']) {
      expect(await raw(path)).toEqual({ status: 404, cacheControl: 'no-store' });
    }
    expect(seen.length).toBe(before);

    await fetch(`${url}/v1/journal/transactions`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(seen.at(-1)?.headers['x-forwarded-for']).not.toContain('203.0.113.9');
  });

  it('answers 404 for what it does not forward, and 502 when the service does not answer', async () => {
    expect((await fetch(`${url}/v1/settlement/terminal-totals`)).status).toBe(404);
    const down = new OperatorProxy([{ prefix: '/v1/journal', target: new URL('http://127.0.0.1:9') }]);
    const original = seen.length;
    @Module({ controllers: [OperatorProxyController], providers: [{ provide: OPERATOR_PROXY, useValue: down }] })
    class DownModule {}
    const other = await NestFactory.create(DownModule, { logger: false });
    await other.listen(0, '127.0.0.1');
    try {
      const answer = await fetch(`http://127.0.0.1:${((other.getHttpServer() as Server).address() as AddressInfo).port}/v1/journal/transactions`);
      expect(answer.status).toBe(502);
      expect(((await answer.json()) as { message: string }).message).toContain('127.0.0.1:9 did not answer');
    } finally {
      await other.close();
    }
    expect(seen.length).toBe(original);
  });
});
