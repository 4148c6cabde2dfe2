import { randomUUID } from 'node:crypto';

import { generateSync } from 'otplib';

import { OPERATOR_KEY, PlatformUnderTest, startDistributed, startEmbedded } from '../support/platform-under-test';
import { call, eventually, operatorCall, HttpResult, RegisterClient, TERMINAL_KEY } from '../support/register.client';

const PAN = '5555555555554444';

describe.each([
  ['embedded', startEmbedded],
  ['distributed', startDistributed],
])('register operations end to end (%s mode)', (_mode, start) => {
  let platform: PlatformUnderTest;
  // A register of its own: its batches and its last operation belong to this suite.
  let register: RegisterClient;

  beforeAll(async () => {
    platform = await start();
    register = new RegisterClient(platform.gatewayUrl, `${TERMINAL_KEY}-2`);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  beforeEach(() => platform.simulator.reset());

  const card = (amount: number) => ({ amount, currency: 'EUR', card: register.card(PAN) });
  const sent = (mti: string) => platform.simulator.received.filter((m) => m.mti === mti);
  // What this suite asked of the host. Reversals (04xx) of an earlier suite's unknown operation may
  // still be repeated from the durable queue of the shared database, as they must be, and echoes (08xx) come on their own.
  const hostAsked = () => platform.simulator.received.filter((m) => !m.mti.startsWith('04') && !m.mti.startsWith('08'));
  const journal = async (id: unknown) => (await operatorCall(`${platform.authorizationUrl}/v1/journal/transactions/${String(id)}`)).body;
  const approved = (result: HttpResult) => {
    expect(result.body).toMatchObject({ status: 'approved', responseCode: '00' });
    return result.body;
  };

  it('authorizes a cash withdrawal and a top-up with their own processing codes and receipts', async () => {
    const cash = approved(await register.post('/v1/cash-withdrawals', card(5000)));
    const topUp = approved(await register.post('/v1/top-ups', card(2500)));

    expect(sent('0200').map((m) => m.fields[3])).toEqual(['010000', '210000']);
    expect(cash.receipt).toEqual(expect.arrayContaining(['CASH WITHDRAWAL', 'AMOUNT 50.00 EUR', 'CARD 555555******4444 MASTERCARD', 'APPROVED']));
    expect(topUp.receipt).toEqual(expect.arrayContaining(['TOP-UP', 'AMOUNT 25.00 EUR']));
  });

  it('reads the card without asking the host, and asks the host for a balance (0100, processing code 31)', async () => {
    const read = approved(await register.post('/v1/card-reads', { currency: 'EUR', card: register.card(PAN) }));
    expect(read).toMatchObject({ operation: 'card_data', maskedPan: '555555******4444', cardScheme: 'mastercard', cardExpiry: '3012' });
    expect(hostAsked()).toHaveLength(0);

    const balance = approved(await register.post('/v1/balance-inquiries', { currency: 'EUR', card: register.card(PAN) }));
    expect(balance.operation).toBe('balance_inquiry');
    expect(sent('0100')[0].fields).toMatchObject({ 3: '310000', 4: '000000000000' });
    // The simulator answers with its available balance in DE 54 (123456 minor units by default).
    expect(balance.balance).toBe(123_456);
    expect(balance.receipt).toEqual(expect.arrayContaining(['BALANCE 1234.56 EUR']));
  });

  it('completes a preauthorization once, never above it, with a 0220 that names the 0100', async () => {
    const preauth = approved(await register.post('/v1/preauthorizations', card(10_000)));
    expect(preauth.expiresAt).toEqual(expect.any(String));

    const above = await register.post(`/v1/preauthorizations/${String(preauth.transactionId)}/completions`, { amount: 10_001 });
    expect(above.status).toBe(422);
    expect(above.body).toMatchObject({ status: 'rejected', message: 'amount: 10001 is above the preauthorized 10000' });
    expect(await journal(preauth.transactionId)).toMatchObject({ status: 'approved' });

    const completion = approved(await register.post(`/v1/preauthorizations/${String(preauth.transactionId)}/completions`, { amount: 8_000 }));
    expect(completion).toMatchObject({ operation: 'completion', amount: 8000, originalTransactionId: preauth.transactionId });
    const [advice] = sent('0220');
    expect(advice.fields[4]).toBe('000000008000');
    expect(advice.fields[90].slice(0, 4)).toBe('0100');
    expect(await journal(preauth.transactionId)).toMatchObject({ status: 'completed' });

    const again = await register.post(`/v1/preauthorizations/${String(preauth.transactionId)}/completions`, {});
    expect(again.status).toBe(422);
    expect(again.body.message).toContain('is completed, not approved');
  });

  it('cancels part by approval code + RRN, then the rest by id; a third cancel changes nothing', async () => {
    const purchase = approved(await register.post('/v1/purchases', card(3000)));
    const partial = approved(await register.post('/v1/cancels', { approvalCode: purchase.approvalCode, rrn: purchase.rrn, amount: 1000 }));
    expect(partial).toMatchObject({ operation: 'cancel', amount: 1000, originalTransactionId: purchase.transactionId });
    const [reversal] = sent('0400');
    expect(reversal.fields[95].slice(0, 12)).toBe('000000002000');

    approved(await register.post('/v1/cancels', { originalTransactionId: purchase.transactionId }));
    expect(await journal(purchase.transactionId)).toMatchObject({ status: 'cancelled' });

    const third = await register.post('/v1/cancels', { originalTransactionId: purchase.transactionId });
    expect(third.status).toBe(422);
    expect(third.body.message).toContain('is cancelled, not approved');
  });

  it('emergency-cancels the last operation once; a second emergency cancel is refused', async () => {
    const purchase = approved(await register.post('/v1/purchases', card(1234)));
    const cancel = approved(await register.post('/v1/emergency-cancels'));
    expect(cancel).toMatchObject({ operation: 'emergency_cancel', amount: 1234, originalTransactionId: purchase.transactionId });

    const second = await register.post('/v1/emergency-cancels');
    expect(second.status).toBe(422);
    expect(second.body.message).toContain('is itself a cancel');
    expect(sent('0400')).toHaveLength(1);
  });

  it('closes the day with the host (0500), refuses a cancel after it, refunds partly and never above what is left', async () => {
    const purchase = approved(await register.post('/v1/purchases', card(4000)));
    const closed = await register.post('/v1/close-day');
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'ok', batch: { status: 'closed', reconciliation: 'in_balance' } });
    expect(sent('0500').length).toBeGreaterThanOrEqual(1);

    const lateCancel = await register.post('/v1/cancels', { originalTransactionId: purchase.transactionId });
    expect(lateCancel.status).toBe(422);
    expect(lateCancel.body.message).toContain('refund it instead');

    approved(await register.post('/v1/refunds', { originalTransactionId: purchase.transactionId, amount: 1500 }));
    expect(sent('0200').at(-1)!.fields[3]).toBe('200000');
    const tooMuch = await register.post('/v1/refunds', { originalTransactionId: purchase.transactionId, amount: 2501 });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.message).toBe('amount: 2501 is above what is left of the original (2500)');
    approved(await register.post('/v1/refunds', { originalTransactionId: purchase.transactionId, amount: 2500 }));
    expect(await journal(purchase.transactionId)).toMatchObject({ status: 'refunded' });

    const report = await register.get(`/v1/reports/short?batch=${String((closed.body.batch as { batchNumber: number }).batchNumber)}`);
    expect(report.status).toBe(200);
    expect(report.body.batch).toMatchObject({ status: 'closed', reconciliation: 'in_balance' });
  });

  it('reverses a refund the host never answered, and gives its amount back to the original', async () => {
    const purchase = approved(await register.post('/v1/purchases', card(2000)));
    await register.post('/v1/close-day');
    platform.simulator.addRule((m) => (m.mti === '0200' && m.fields[3] === '200000' ? { kind: 'silent' } : undefined));

    const lost = await register.post('/v1/refunds', { originalTransactionId: purchase.transactionId });
    expect(lost.body).toMatchObject({ status: 'failed', responseCode: '91' });
    const reversed = await eventually(
      () => journal(lost.body.transactionId),
      (row) => row.status === 'reversed',
    );
    expect(reversed.status).toBe('reversed');

    platform.simulator.reset();
    approved(await register.post('/v1/refunds', { originalTransactionId: purchase.transactionId }));
  });

  it('checks the connection through to the host, and prints a copy of the last receipt', async () => {
    const check = await register.post('/v1/connection-checks');
    expect(check.body).toMatchObject({ status: 'ok', connection: { responseCode: '00' } });
    expect(sent('0800')[0].fields[70]).toBe('301');

    const purchase = approved(await register.post('/v1/purchases', card(999)));
    const copy = await register.get('/v1/receipts/last');
    expect(copy.status).toBe(200);
    expect(copy.body.receipt).toMatchObject({ transactionId: purchase.transactionId, receipt: expect.arrayContaining(['*** COPY ***', 'AMOUNT 9.99 EUR']) });

    const full = await register.get('/v1/reports/full');
    expect((full.body.transactions as { transactionId: string }[]).map((t) => t.transactionId)).toContain(purchase.transactionId);
    expect(full.text).not.toContain(PAN);
  });

  it.each([
    ['/v1/purchases', { amount: 1250, currency: 'EUR' }, ['card: card is required (an object with bdkId, ksn and ciphertext)']],
    ['/v1/cash-withdrawals', { amount: '1250', currency: 'EUR' }, ['amount: amount must be an integer number of minor units (a JSON number such as 1250)']],
    ['/v1/balance-inquiries', { currency: 978 }, ['currency: currency must be a string, an ISO 4217 alphabetic code such as EUR']],
    ['/v1/refunds', { amount: '5', rrn: 633410000001 }, ['amount: amount must be an integer number of minor units (a JSON number such as 500)']],
  ])('refuses a missing field or a wrong type at %s with one 400 line per field, and keeps no Idempotency-Key', async (path, bad, messages) => {
    const refused = await register.post(path, bad);
    expect([refused.status, refused.body.message]).toEqual([400, expect.arrayContaining(messages)]);
    expect((refused.body.message as string[]).every((line) => /^[\w.]+: /.test(line))).toBe(true);
    expect(hostAsked()).toHaveLength(0);
  });

  it('keeps nothing of a refused body: its Idempotency-Key then starts a new operation, neither a replay nor a conflict', async () => {
    const idempotencyKey = `e2e-refused-${Date.now()}`;
    expect((await register.post('/v1/purchases', { amount: 1250, currency: 'EUR' }, { idempotencyKey })).status).toBe(400);
    approved(await register.post('/v1/purchases', card(1250), { idempotencyKey }));
  });

  it('serves the journal, the totals and metrics to the operator key only, and never on the register port', async () => {
    const journalUrl = `${platform.authorizationUrl}/v1/journal/transactions`;
    expect((await call(`${platform.gatewayUrl}/v1/journal/transactions`, { headers: { authorization: `Bearer ${OPERATOR_KEY}` } })).status).toBe(404);
    expect((await call(`${platform.gatewayUrl}/metrics`)).status).toBe(404);
    expect((await call(`${platform.gatewayUrl}/health/ready`)).status).toBe(200);

    expect(await call(journalUrl)).toMatchObject({
      status: 401,
      body: { message: expect.stringMatching(/^missing operator key or session: send Authorization: Bearer <operator key or session token>/) },
    });
    expect((await call(journalUrl, { headers: { authorization: `Bearer ${TERMINAL_KEY}` } })).status).toBe(401);
    expect((await operatorCall(`${journalUrl}?limit=1`)).status).toBe(200);
    expect((await call(`${platform.settlementUrl}/v1/settlement/terminal-totals?businessDay=2026-11-30`)).status).toBe(401);
    expect((await call(platform.metricsUrl)).text).toContain('# HELP');
  });

  it("lets an operator log in with password and TOTP, refuses what the role lacks in another service, and the gateway's audit log keeps the refusal", async () => {
    const api = platform.operatorApiUrl;
    const json = (body: unknown, headers: Record<string, string> = {}) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const username = `risk-${randomUUID().slice(0, 8)}`;
    const password = 'a long enough e2e password';
    const created = await call<{ operator: { id: string }; totp: { secret: string } }>(
      `${api}/v1/operator/operators`,
      json({ username, displayName: 'Risk desk', role: 'risk', password }, { authorization: `Bearer ${OPERATOR_KEY}` }),
    );
    expect(created.status).toBe(201);

    const login = await call<{ token: string }>(
      `${api}/v1/operator/session`,
      json({ username, password, totp: generateSync({ secret: created.body.totp.secret }) }),
    );
    expect(login.status).toBe(200);
    const asRisk = { headers: { authorization: `Bearer ${login.body.token}` } };
    expect((await call(`${platform.authorizationUrl}/v1/journal/transactions?limit=1`, asRisk)).status).toBe(200);
    const refused = await call(`${platform.settlementUrl}/v1/settlement/terminal-totals?businessDay=2026-11-30`, asRisk);
    expect([refused.status, refused.body.message]).toEqual([403, 'the risk role lacks the settlement:read permission']);

    const audit = await eventually(
      () =>
        call<{ items: { action: string; outcome: string; role: string; after: unknown }[] }>(`${api}/v1/operator/audit?actorId=${created.body.operator.id}`, {
          headers: { authorization: `Bearer ${OPERATOR_KEY}` },
        }),
      (answer) => answer.body.items.some((line) => line.outcome === 'denied'),
    );
    expect(audit.body.items.map((line) => [line.action, line.outcome])).toEqual([
      ['GET /v1/settlement/terminal-totals', 'denied'],
      ['login', 'allowed'],
    ]);
    expect((await call(`${api}/v1/operator/audit/verify`, { headers: { authorization: `Bearer ${OPERATOR_KEY}` } })).body).toMatchObject({ intact: true });
  });

  it.each(['2026-13-45', '2026-12-32', '0000-00-00', '2026-02-30'])(
    'refuses the journal and the totals for businessDay=%s with a 400 naming it',
    async (day) => {
      const journal = await operatorCall(`${platform.authorizationUrl}/v1/journal/transactions?businessDay=${day}`);
      expect([journal.status, journal.body.message]).toEqual([400, ['businessDay: businessDay must be a calendar date YYYY-MM-DD that exists']]);
      const totals = await operatorCall(`${platform.settlementUrl}/v1/settlement/terminal-totals?businessDay=${day}`);
      expect([totals.status, totals.body.message]).toEqual([400, ['businessDay: businessDay must be a calendar date YYYY-MM-DD that exists']]);
      const range = await operatorCall(`${platform.authorizationUrl}/v1/journal/transactions?from=${day}`);
      expect(range.status).toBe(400);
    },
  );

  it('documents the error responses of the register operations, and the terminal key as a bearer API key', async () => {
    type Doc = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>>; components: { securitySchemes: Record<string, unknown> } };
    const doc = (await call<Doc>(`${platform.gatewayUrl}/docs-json`)).body;
    expect(Object.keys(doc.paths['/v1/purchases'].post.responses)).toEqual(expect.arrayContaining(['400', '401', '409', '422', '504']));
    expect(Object.keys(doc.paths['/v1/prompts/{promptId}/answer'].post.responses)).toEqual(expect.arrayContaining(['404', '410']));
    expect(doc.components.securitySchemes['terminal-key']).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'API key' });
    expect(doc.paths['/v1/journal/transactions']).toBeUndefined();
  });

  it('finds journal entries by any key, a page at a time, and exports them as CSV without card numbers', async () => {
    for (const amount of [4100, 4200]) approved(await register.post('/v1/purchases', card(amount)));
    const purchase = approved(await register.post('/v1/purchases', card(4321)));
    const journalUrl = `${platform.authorizationUrl}/v1/journal/transactions`;

    const byRrn = await operatorCall<{ items: { transactionId: string }[] }>(
      `${journalUrl}?rrn=${String(purchase.rrn)}&approvalCode=${String(purchase.approvalCode)}&terminalId=DEMO0002`,
    );
    expect(byRrn.body.items.map((i) => i.transactionId)).toEqual([purchase.transactionId]);

    const first = await operatorCall<{ items: { transactionId: string; terminalId: string }[]; nextCursor: string }>(
      `${journalUrl}?terminalId=DEMO0002&status=approved&limit=2`,
    );
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0].transactionId).toBe(purchase.transactionId);
    const second = await operatorCall<{ items: { transactionId: string }[] }>(
      `${journalUrl}?terminalId=DEMO0002&status=approved&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.length).toBeGreaterThan(0);
    expect(second.body.items.map((i) => i.transactionId)).not.toContain(first.body.items[1].transactionId);

    const csv = await operatorCall(`${journalUrl}?terminalId=DEMO0002&maskedPan=555555******4444&amountMin=4321&amountMax=4321&format=csv`);
    expect(csv.status).toBe(200);
    const [header, ...lines] = csv.text.trim().split('\n');
    expect(header.split(',').slice(0, 3)).toEqual(['transactionId', 'createdAt', 'businessDay']);
    expect(lines.some((line) => line.startsWith(String(purchase.transactionId)))).toBe(true);
    expect(csv.text).not.toContain(PAN);

    const bad = await operatorCall(`${journalUrl}?amountMin=12.50`);
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('amountMin must be minor units');
  });
});
