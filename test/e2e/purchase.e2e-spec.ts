import { randomUUID } from 'node:crypto';

import { PlatformUnderTest, startDistributed, startEmbedded } from '../support/platform-under-test';
import { eventually, operatorCall, RegisterClient } from '../support/register.client';

const PAN = '4242424242424242';
const today = (): string => new Date().toISOString().slice(0, 10);

describe.each([
  ['embedded', startEmbedded],
  ['distributed', startDistributed],
])('card-present purchase end to end (%s mode)', (_mode, start) => {
  let platform: PlatformUnderTest;
  let register: RegisterClient;

  beforeAll(async () => {
    platform = await start();
    register = new RegisterClient(platform.gatewayUrl);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  beforeEach(() => platform.simulator.reset());

  const body = (amount: number, extra: Record<string, unknown> = {}) => ({ amount, currency: 'EUR', card: register.card(PAN), ...extra });
  const hostRequests = (mti: string) => platform.simulator.received.filter((m) => m.mti === mti);
  const journal = (id: string) => operatorCall(`${platform.authorizationUrl}/v1/journal/transactions/${id}`);

  it('approves a purchase through antifraud and the acquirer host, and returns what the receipt needs', async () => {
    const result = await register.purchase(body(1250));

    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({
      status: 'approved',
      responseCode: '00',
      amount: 1250,
      currency: 'EUR',
      terminalId: 'DEMO0001',
      merchantId: 'DEMOSHOP0000001',
      maskedPan: '424242******4242',
    });
    expect(result.body.approvalCode).toMatch(/^[0-9A-Z]{6}$/);
    expect(result.body.rrn).toMatch(/^[0-9A-Z]{12}$/);
    expect(result.body.receipt).toEqual(expect.arrayContaining(['AMOUNT 12.50 EUR', 'APPROVED', 'CARD 424242******4242 VISA']));
    expect(result.text).not.toContain(PAN);

    const [request] = hostRequests('0200');
    expect(request.fields[4]).toBe('000000001250');
    expect(request.fields[49]).toBe('978');
    expect(request.fields[35]).toContain(PAN);

    const journaled = await journal(result.body.transactionId as string);
    expect(journaled.body).toMatchObject({ status: 'approved', responseCode: '00', maskedPan: '424242******4242' });
    expect((journaled.body.history as { status: string }[]).map((h) => h.status)).toEqual(['pending', 'approved']);
    expect(journaled.text).not.toContain(PAN);
  });

  it('publishes the approval through the outbox: settlement counts it in the terminal day total', async () => {
    // USD: no other purchase of this suite is in that currency, so an earlier test's approval still on
    // its way through the outbox cannot be mistaken for this one.
    const totalsUrl = `${platform.settlementUrl}/v1/settlement/terminal-totals?businessDay=${today()}&terminalId=DEMO0001`;
    type Row = { currency: string; count: number; amountMinor: string };
    const usd = (rows: Row[]) => rows.find((r) => r.currency === 'USD');
    const before = usd((await operatorCall<Row[]>(totalsUrl)).body) ?? { count: 0, amountMinor: '0' };

    expect((await register.purchase(body(777, { currency: 'USD' }))).body.status).toBe('approved');

    const after = await eventually(
      async () => usd((await operatorCall<Row[]>(totalsUrl)).body),
      (row) => row?.count === before.count + 1,
    );
    expect(after).toMatchObject({ count: before.count + 1, amountMinor: String(BigInt(before.amountMinor) + 777n) });
  });

  it('replays the first response for the same Idempotency-Key and body, without asking the host again', async () => {
    const request = body(2000);
    // Unique per run: the distributed mode's database outlives the test run.
    const key = `register-42-receipt-${randomUUID()}`;
    const first = await register.purchase(request, { idempotencyKey: key });
    const second = await register.purchase(request, { idempotencyKey: key });

    expect(second.status).toBe(first.status);
    expect(second.body).toEqual(first.body);
    expect(hostRequests('0200')).toHaveLength(1);
  });

  it('refuses the same Idempotency-Key with a different body', async () => {
    const key = `register-42-receipt-${randomUUID()}`;
    await register.purchase(body(2000), { idempotencyKey: key });
    const reused = await register.purchase(body(2001), { idempotencyKey: key });

    expect(reused.status).toBe(422);
    expect(reused.body.message).toMatch(/Idempotency-Key .* different request body/);
    expect(hostRequests('0200')).toHaveLength(1);
  });

  it('answers 401 to a missing or unknown terminal key, and asks nobody', async () => {
    expect((await register.purchase(body(100), { key: null })).status).toBe(401);
    const unknown = await register.purchase(body(100), { key: 'not-a-terminal-key-123' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.message).toMatch(/unknown or disabled terminal API key/);
    expect(hostRequests('0200')).toHaveLength(0);
  });

  it.each([
    ['amount', { amount: 12.5 }, /amount must be an integer/],
    ['amount', { amount: 0 }, /amount must be at least 1 minor unit/],
    ['currency', { currency: 'euro' }, /currency must be an ISO 4217 alphabetic code/],
    [
      'card.ksn',
      { card: { bdkId: 'test-bdk', ksn: 'xyz', ciphertext: '00' } },
      /card\.ksn: ksn must be 20 \(TDES DUKPT\) or 24 \(AES DUKPT\) uppercase hex digits/,
    ],
    ['surplus field', { cvv: '123' }, /property cvv should not exist/],
  ])('answers 400 naming the field when %s is invalid (%j)', async (_field, change, message) => {
    const result = await register.purchase({ ...body(100), ...change });
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.body.message)).toMatch(message);
    expect(hostRequests('0200')).toHaveLength(0);
  });

  it('answers 400 to a missing Idempotency-Key, 400 to an unknown currency and 422 to one the terminal does not accept', async () => {
    expect((await register.purchase(body(100), { idempotencyKey: null })).body.message).toMatch(/Idempotency-Key header: required/);
    const unknown = await register.purchase(body(100, { currency: 'XQZ' }));
    expect([unknown.status, unknown.body.message]).toEqual([400, 'currency: XQZ is not an ISO 4217 currency']);
    const refused = await register.purchase(body(100, { currency: 'GBP' }));
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/GBP is not accepted by terminal DEMO0001/);
  });

  it('passes on the host decline with its response code', async () => {
    platform.simulator.setDefault({ kind: 'decline', responseCode: '51' });
    const result = await register.purchase(body(3000));

    expect(result.body).toMatchObject({ status: 'declined', responseCode: '51', responseText: 'Insufficient funds' });
    expect(result.body.receipt).toEqual(expect.arrayContaining(['RESPONSE 51 INSUFFICIENT FUNDS', 'DECLINED']));
  });

  it('lets antifraud decline an amount over the terminal limit before the host is asked', async () => {
    const result = await register.purchase(body(1_000_001));

    expect(result.body).toMatchObject({ status: 'declined', responseCode: '61' });
    expect(hostRequests('0200')).toHaveLength(0);
    const journaled = await journal(result.body.transactionId as string);
    expect(journaled.body.statusReason).toMatch(/max-amount/);
  });

  it('declines a card number that fails the Luhn check, journaled without asking antifraud or the host', async () => {
    const result = await register.purchase({ amount: 100, currency: 'EUR', card: register.card('4242424242424241') });

    expect(result.body).toMatchObject({ status: 'declined', responseCode: '14' });
    expect(hostRequests('0200')).toHaveLength(0);
    expect((await journal(result.body.transactionId as string)).body.status).toBe('declined');
  });

  it('fails clearly when the host never answers, journals the attempt as unknown, and reverses it', async () => {
    platform.simulator.addRule((m) => (m.mti === '0200' ? { kind: 'silent' } : undefined));
    const result = await register.purchase(body(4000));

    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ status: 'failed', responseCode: '91', responseText: 'Issuer or switch inoperative' });
    const reversed = await eventually(
      () => journal(result.body.transactionId as string),
      (j) => j.body.status === 'reversed',
    );
    expect((reversed.body.history as { status: string }[]).map((h) => h.status)).toEqual(['pending', 'unknown', 'reversed']);
    const [reversal] = hostRequests('0400');
    expect(reversal.fields[90]?.slice(0, 4)).toBe('0200');
    expect(reversal.fields[37]).toBe(result.body.rrn);
  });

  it('fails clearly when the host is down, and nothing is half-written', async () => {
    await platform.simulator.stop();
    try {
      const result = await register.purchase(body(5000));
      expect(result.body).toMatchObject({ status: 'failed', responseCode: '91' });
      const journaled = await journal(result.body.transactionId as string);
      expect(['unknown', 'failed']).toContain(journaled.body.status);
      expect((journaled.body.history as unknown[]).length).toBe(2);
    } finally {
      await platform.simulator.start();
    }
  });
});
