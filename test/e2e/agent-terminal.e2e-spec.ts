import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';

import { OPERATOR_KEY, PlatformUnderTest, startEmbedded } from '../support/platform-under-test';
import { call } from '../support/register.client';
import { repoRoot } from '../support/repo-root.util';

const DEV_KEY = 'apps/agents-billing/src/demo/demo-kiosk-terminal.dev-key.pem';
const KIOSK = '00000000-0000-4000-8000-00000000a001';

/**
 * The README's "A kiosk's payment" (embedded mode): the demo kiosk's terminal, seeded with a dev
 * key, signs its requests with `npm run --silent cli -- agents terminal-request`; the payment is
 * posted once however often it is retried, and the operator sees it on the kiosk's balance.
 */
describe("agents' terminal API end to end (embedded mode)", () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await startEmbedded();
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  /** `npm run --silent cli -- agents terminal-request --key <dev key> --terminal demo-kiosk-terminal ...` against this platform. */
  const terminal = (args: string[]): Promise<{ status: number; answer: { status: number; body: Record<string, unknown> } }> =>
    new Promise((resolve) => {
      const env = { ...process.env, PAYMENTS_TERMINAL_URL: platform.gatewayUrl };
      const command = ['run', '--silent', 'cli', '--', 'agents', 'terminal-request', '--key', DEV_KEY, '--terminal', 'demo-kiosk-terminal', ...args];
      execFile('npm', command, { cwd: repoRoot(), env, timeout: 60_000 }, (error, stdout, stderr) => {
        const line = (stdout || stderr).replace(/^error: /, '');
        resolve({ status: typeof error?.code === 'number' ? error.code : error ? -1 : 0, answer: JSON.parse(line) as never });
      });
    });

  it('pays from the demo kiosk by signed requests made with the CLI, once for a retried Idempotency-Key', async () => {
    const key = `receipt-${randomUUID()}`;
    const body = JSON.stringify({ payeeId: 'demo-mobile-topup', amount: 1000, currency: 'EUR', account: '+420777123456' });
    const pay = () => terminal(['--method', 'POST', '--path', '/v1/agent-terminal/payments', '--body', body, '--idempotency-key', key]);

    const before = await terminal(['--path', '/v1/agent-terminal/balance']);
    const first = await pay();
    const retried = await pay();
    const after = await terminal(['--path', '/v1/agent-terminal/balance']);

    expect(before).toMatchObject({ status: 0, answer: { status: 200, body: { nodeId: KIOSK, currency: 'EUR' } } });
    expect(first).toMatchObject({ status: 0, answer: { status: 201, body: { outcome: 'posted', amount: '1000', fee: '20', status: 'posted' } } });
    expect(retried).toEqual(first);
    expect(BigInt(before.answer.body.available as string) - BigInt(after.answer.body.available as string)).toBe(1020n);
    const status = await terminal(['--path', `/v1/agent-terminal/payments/${String(first.answer.body.paymentId)}`]);
    expect(status).toMatchObject({ status: 0, answer: { status: 200, body: { paymentId: first.answer.body.paymentId, status: 'posted' } } });
  }, 120_000);

  it('serves the terminal API on the public port only, refuses an unsigned request and the operator key there', async () => {
    expect((await call(`${platform.gatewayUrl}/v1/agent-terminal/balance`)).body).toMatchObject({ statusCode: 401, reason: 'missing_header' });
    const withKey = await call(`${platform.gatewayUrl}/v1/agent-terminal/balance`, { headers: { authorization: `Bearer ${OPERATOR_KEY}` } });
    expect([withKey.status, withKey.body.reason]).toEqual([401, 'operator_key']);
    expect((await call(`${platform.settlementUrl}/v1/agent-terminal/balance`)).status).toBe(404);
    const terminals = await call(`${platform.settlementUrl}/v1/agents/terminals?nodeId=${KIOSK}`, { headers: { authorization: `Bearer ${OPERATOR_KEY}` } });
    expect(terminals).toMatchObject({ status: 200, body: [{ id: 'demo-kiosk-terminal', nodeId: KIOSK, status: 'active' }] });
  });

  it('documents the terminal routes with their signature headers on the public port, the terminals registry on the operator port', async () => {
    const publicDoc = (await call<OpenApi>(`${platform.gatewayUrl}/docs-json`)).body;
    const operatorDoc = (await call<OpenApi>(`${platform.settlementUrl}/docs-json`)).body;

    const payments = publicDoc.paths['/v1/agent-terminal/payments'].post;
    expect(payments.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['x-terminal-id', 'x-terminal-timestamp', 'x-terminal-nonce', 'x-terminal-signature', 'Idempotency-Key']),
    );
    expect(Object.keys(payments.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '422']));
    expect(Object.keys(publicDoc.paths).filter((path) => path.startsWith('/v1/agent-terminal/'))).toEqual(
      expect.arrayContaining([
        '/v1/agent-terminal/payees',
        '/v1/agent-terminal/account-checks',
        '/v1/agent-terminal/payments/{paymentId}',
        '/v1/agent-terminal/balance',
      ]),
    );
    expect(publicDoc.paths['/v1/agents/terminals']).toBeUndefined();
    expect(Object.keys(operatorDoc.paths)).toEqual(expect.arrayContaining(['/v1/agents/terminals', '/v1/agents/terminals/{terminalId}/block']));
  });
});

interface OpenApi {
  paths: Record<string, Record<string, { parameters: { name: string }[]; responses: Record<string, unknown> }>>;
}
