import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { verifyTerminalRequest } from '@payments/contracts';

import { runCli } from '../cli.program';
import { FakeCliIo } from '../testing/fake-cli-io.util';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const BODY = '{"payeeId":"demo-mobile-topup","amount":1000,"currency":"EUR","account":"+420777123456"}';

interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** Whether the request carries a valid terminal-request.v1 signature by the test terminal. */
const verifies = ({ method, url, headers, body }: Received) =>
  verifyTerminalRequest(
    {
      method,
      pathWithQuery: url,
      timestamp: String(headers['x-terminal-timestamp']),
      nonce: String(headers['x-terminal-nonce']),
      idempotencyKey: headers['idempotency-key'] as string | undefined,
      body,
    },
    String(headers['x-terminal-signature']),
    publicKey,
  );

describe('cli agents terminal-request', () => {
  let dir: string;
  let server: Server;
  let url: string;
  const received: Received[] = [];
  let status = 201;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'terminal-request-'));
    writeFileSync(join(dir, 'terminal.pem'), PEM);
    writeFileSync(join(dir, 'rsa.pem'), generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) });
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ outcome: 'posted' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    received.length = 0;
    status = 201;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = async (args: string[]) => {
    const io = new FakeCliIo();
    const code = await runCli(['agents', 'terminal-request', '--key', join(dir, 'terminal.pem'), '--terminal', 'kiosk-1', ...args], io, {});
    expect(`${io.out}${io.err}`).not.toContain('PRIVATE KEY');
    return { code, out: io.out, err: io.err };
  };

  it('sends a POST signed as the terminal, its body byte for byte with the Idempotency-Key, and prints the answer', async () => {
    const run = await cli(['--url', url, '--method', 'post', '--path', '/v1/agent-terminal/payments', '--body', BODY, '--idempotency-key', 'receipt-0001']);

    expect(run).toEqual({ code: 0, out: `${JSON.stringify({ status: 201, body: { outcome: 'posted' } })}\n`, err: '' });
    expect(received).toHaveLength(1);
    const [request] = received;
    expect([request.method, request.url, request.body.toString('utf8')]).toEqual(['POST', '/v1/agent-terminal/payments', BODY]);
    expect(request.headers).toMatchObject({ 'x-terminal-id': 'kiosk-1', 'idempotency-key': 'receipt-0001', 'content-type': 'application/json' });
    expect(verifies(request)).toBe(true);
    expect(verifies({ ...request, headers: { ...request.headers, 'idempotency-key': 'receipt-0002' } })).toBe(false);
  });

  it('exits 1 with the status and body of an error answer on one line', async () => {
    status = 401;
    const run = await cli(['--url', url, '--path', '/v1/agent-terminal/balance']);
    expect(run).toEqual({ code: 1, out: '', err: `error: ${JSON.stringify({ status: 401, body: { outcome: 'posted' } })}\n` });
    expect(verifies(received[0])).toBe(true);
  });

  it('prints a curl command whose request verifies when run, and sends nothing', async () => {
    const run = await cli([
      '--url',
      url,
      '--method',
      'POST',
      '--path',
      '/v1/agent-terminal/payments',
      '--body',
      BODY,
      '--idempotency-key',
      'receipt-0003',
      '--curl',
    ]);

    expect(run.code).toBe(0);
    expect(received).toEqual([]);
    const headers = Object.fromEntries([...run.out.matchAll(/-H '([^:]+): ([^']*)'/g)].map((m) => [m[1], m[2]]));
    expect(run.out).toMatch(new RegExp(`^curl -s -X POST '${url}/v1/agent-terminal/payments' `));
    expect(run.out).toContain(`--data-binary '${BODY}'`);
    expect(headers['idempotency-key']).toBe('receipt-0003');
    expect(verifies({ method: 'POST', url: '/v1/agent-terminal/payments', headers, body: Buffer.from(BODY) })).toBe(true);
  });

  it('exits 2 without a request for a bad method, path or key file', async () => {
    const path = ['--url', url, '--path', '/v1/agent-terminal/balance'];
    expect(await cli([...path, '--method', 'DELETE'])).toMatchObject({ code: 2, err: 'error: --method must be GET or POST, not "DELETE"\n' });
    expect(await cli(['--url', url, '--path', '/v1/agents/nodes'])).toMatchObject({
      code: 2,
      err: 'error: --path must start with /v1/agent-terminal/, not "/v1/agents/nodes"\n',
    });
    const io = new FakeCliIo();
    expect(await runCli(['agents', 'terminal-request', '--key', join(dir, 'rsa.pem'), '--terminal', 'kiosk-1', ...path], io, {})).toBe(2);
    expect(io.err).toBe(`error: --key: ${join(dir, 'rsa.pem')} is a rsa key, not Ed25519\n`);
    expect(await runCli(['agents', 'terminal-request', '--key', join(dir, 'none.pem'), '--terminal', 'kiosk-1', ...path], new FakeCliIo(), {})).toBe(2);
    expect(received).toEqual([]);
  });
});
