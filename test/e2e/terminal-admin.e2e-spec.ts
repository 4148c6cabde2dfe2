import { OPERATOR_KEY, PlatformUnderTest, startEmbedded } from '../support/platform-under-test';
import { eventually, RegisterClient } from '../support/register.client';

/** Operators create registers, rotate their keys and block them; registers feel it at once (cache TTL 0 here). */
describe('registers and their keys, by operators (embedded mode)', () => {
  let platform: PlatformUnderTest;
  let register: RegisterClient;

  beforeAll(async () => {
    platform = await startEmbedded({ env: { GATEWAY_TERMINAL_CACHE_TTL_MS: '0' } });
    register = new RegisterClient(platform.gatewayUrl);
  }, 120_000);

  afterAll(() => platform?.stop(), 60_000);

  const operator = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${platform.operatorApiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${OPERATOR_KEY}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text) as Record<string, unknown>, text };
  };
  const buy = (key: string, currency = 'EUR') => register.purchase({ amount: 990, currency, card: register.card() }, { key });

  it('creates a register whose key, shown once, buys at once in its own currencies only', async () => {
    const created = await operator('POST', '/v1/terminals', { terminalId: 'SHOP0007', name: 'Till 7', merchantId: 'SHOP00000000007', currencies: ['EUR'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      terminal: { terminalId: 'SHOP0007', name: 'Till 7', merchantId: 'SHOP00000000007', currencies: ['EUR'], status: 'active' },
    });
    const key = created.body.apiKey as string;
    expect(key).toMatch(/^trm_[A-Za-z0-9_-]{43}$/);

    expect((await buy(key)).body).toMatchObject({ status: 'approved', terminalId: 'SHOP0007', merchantId: 'SHOP00000000007' });
    expect((await buy(key, 'USD')).status).toBe(422);
    expect((await operator('GET', '/v1/terminals/SHOP0007')).text).not.toContain(key);
  });

  it('rotates a key: the old one is refused, the new one works; blocking refuses the register until unblocked', async () => {
    const { body } = await operator('POST', '/v1/terminals', {
      terminalId: 'SHOP0008',
      name: 'Till 8',
      merchantId: 'SHOP00000000007',
      currencies: ['EUR', 'USD'],
    });
    const oldKey = body.apiKey as string;
    const rotated = await operator('POST', '/v1/terminals/SHOP0008/key');
    expect(rotated.status).toBe(200);
    const newKey = rotated.body.apiKey as string;
    expect(newKey).not.toBe(oldKey);
    expect((await buy(oldKey)).status).toBe(401);
    expect((await buy(newKey)).body).toMatchObject({ status: 'approved' });

    expect((await operator('POST', '/v1/terminals/SHOP0008/block', { reason: 'register stolen' })).body).toMatchObject({ status: 'blocked' });
    expect((await buy(newKey)).status).toBe(401);
    expect((await operator('POST', '/v1/terminals/SHOP0008/unblock', {})).body).toMatchObject({ status: 'active' });
    expect((await buy(newKey)).body).toMatchObject({ status: 'approved' });
  });

  it('writes each change to the audit log with before and after, never a key', async () => {
    type Line = { action: string; resource: string; before: unknown; after: unknown };
    const linesOf = (audit: { body: Record<string, unknown> }) => (audit.body.items as Line[]).filter((line) => line.resource === 'terminal:SHOP0008');
    const audit = await eventually(
      () => operator('GET', '/v1/operator/audit?limit=50'),
      (page) => linesOf(page).length >= 4,
    );
    const lines = linesOf(audit);
    expect(lines.map((line) => line.action)).toEqual([
      'POST /v1/terminals/SHOP0008/unblock',
      'POST /v1/terminals/SHOP0008/block',
      'POST /v1/terminals/SHOP0008/key',
      'POST /v1/terminals',
    ]);
    expect(lines[1]).toMatchObject({ before: { status: 'active' }, after: { status: 'blocked', reason: 'register stolen' } });
    expect(audit.text).not.toMatch(/trm_/);
  });

  it('answers bad requests by name', async () => {
    expect(await operator('POST', '/v1/terminals', { terminalId: 'SHOP0007', name: 'Again', merchantId: 'M1', currencies: ['EUR'] })).toMatchObject({
      status: 409,
      body: { message: 'terminal SHOP0007 exists already' },
    });
    expect(await operator('POST', '/v1/terminals', { terminalId: 'SHOP0009', name: 'Till 9', merchantId: 'M1', currencies: ['EUR', 'XYZ'] })).toMatchObject({
      status: 400,
      body: { message: 'currencies: XYZ is not an ISO 4217 currency' },
    });
    expect((await operator('POST', '/v1/terminals', { terminalId: 'TOOLONG01', name: 'x', merchantId: 'M1', currencies: ['EUR'] })).text).toContain(
      'terminalId must be 8 letters or digits',
    );
    expect((await operator('POST', '/v1/terminals/NOPE0001/key')).status).toBe(404);
    expect((await fetch(`${platform.gatewayUrl}/v1/terminals`, { headers: { authorization: `Bearer ${OPERATOR_KEY}` } })).status).toBe(404);
  });
});
