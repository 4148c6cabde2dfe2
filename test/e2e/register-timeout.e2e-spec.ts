import { randomUUID } from 'node:crypto';

import { PlatformOptions, PlatformUnderTest, startDistributed, startEmbedded } from '../support/platform-under-test';
import { eventually, operatorCall, HttpResult, RegisterClient, TERMINAL_KEY } from '../support/register.client';
import { TerminalGrpcClient } from '../support/terminal-grpc.client';

const PAN = '4242424242424242';
const TERMINAL = 'DEMO0007';
const KEY = `${TERMINAL_KEY}-7`;
/** The register (the gateway, for it) gives up after 1 s; the host may take up to 5 s. */
const OPTIONS: PlatformOptions = { env: { GATEWAY_AUTHORIZE_TIMEOUT_MS: '1000', AUTHORIZATION_HOST_TIMEOUT_MS: '5000' } };

type History = { status: string; reason: string | null }[];

/**
 * A register that never learns an outcome (its deadline passes, or it hangs up first) must not
 * leave the customer charged: what moves money is reversed once (0400), settlement does not
 * count it, and the register's Idempotency-Key never turns into "approved" afterwards.
 */
describe.each([
  ['embedded', startEmbedded],
  ['distributed', startDistributed],
])('register timeouts end to end (%s mode)', (_mode, start) => {
  let platform: PlatformUnderTest;
  // A register of its own: its totals belong to this suite.
  let register: RegisterClient;
  let arrivals: Map<string, number>;

  beforeAll(async () => {
    platform = await start(OPTIONS);
    register = new RegisterClient(platform.gatewayUrl, KEY);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  beforeEach(() => {
    platform.simulator.reset();
    // When each request reached the host (first rule: it only looks, then lets the next decide).
    arrivals = new Map();
    platform.simulator.addRule((m) => void arrivals.set(m.mti, Date.now()));
  });

  const card = (amount: number) => ({ amount, currency: 'EUR', card: register.card(PAN) });
  // This register's messages only (DE 41): the shared database's reversal queue may still hold
  // another run's reversal, which this platform's worker sends on to the same simulator.
  const sent = (mti: string) => platform.simulator.received.filter((m) => m.mti === mti && m.fields[41] === TERMINAL);
  const hostAnswers = (mti: string, ms: number, then: 'approve' | { decline: string } = 'approve') =>
    platform.simulator.addRule((m) =>
      m.mti === mti ? { kind: 'delay', ms, then: then === 'approve' ? { kind: 'approve' } : { kind: 'decline', responseCode: then.decline } } : undefined,
    );
  const journal = async (id: unknown) => (await operatorCall(`${platform.authorizationUrl}/v1/journal/transactions/${String(id)}`)).body;
  const statuses = (row: Record<string, unknown>) => (row.history as History).map((h) => h.status);
  const reasonOf = (row: Record<string, unknown>, status: string) => (row.history as History).find((h) => h.status === status)?.reason;
  const totals = async () => {
    const day = new Date().toISOString().slice(0, 10);
    const rows = (
      await operatorCall<{ currency: string; count: number; amountMinor: string }[]>(
        `${platform.settlementUrl}/v1/settlement/terminal-totals?businessDay=${day}&terminalId=${TERMINAL}`,
      )
    ).body;
    const eur = rows.find((r) => r.currency === 'EUR');
    return { count: eur?.count ?? 0, amountMinor: BigInt(eur?.amountMinor ?? '0') };
  };
  /** The register's own timeout: it hangs up after `ms`, whatever the gateway is still doing. */
  const postAndHangUp = async (path: string, body: unknown, idempotencyKey: string, ms: number) => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${KEY}`, 'idempotency-key': idempotencyKey };
    await expect(
      fetch(`${platform.gatewayUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(ms) }),
    ).rejects.toThrow();
  };

  it('reverses a purchase the host approved after the register gave up (504), once, and never counts it', async () => {
    hostAnswers('0200', 2500);
    const before = await totals();
    const key = `e2e-${randomUUID()}`;
    const body = card(1500);

    const answer = await register.post('/v1/purchases', body, { idempotencyKey: key });

    expect(answer.status).toBe(504);
    expect(answer.body).toMatchObject({ status: 'unknown' });
    expect(answer.body.message).toBe(
      'the register did not receive the outcome within 1000 ms; this purchase is being reversed and moves no money: start a new operation with a new Idempotency-Key',
    );
    const reversed = await eventually(
      () => journal(answer.body.transactionId),
      (row) => row.status === 'reversed',
    );
    expect(statuses(reversed)).toEqual(['pending', 'unknown', 'reversed']);
    expect(reasonOf(reversed, 'unknown')).toMatch(
      /^host approved \(approval code \w+\), but the register did not receive the outcome within 1000 ms: reversal queued$/,
    );
    expect(reasonOf(reversed, 'reversed')).toContain('reversal acknowledged by host (00)');

    // One reversal, naming the 0200 (DE 90: its MTI and STAN), sent once the late approval was in.
    const [purchase] = sent('0200');
    expect(sent('0400')).toHaveLength(1);
    expect(sent('0400')[0].fields[90].slice(0, 10)).toBe(`0200${purchase.fields[11]}`);
    expect(arrivals.get('0400')! - arrivals.get('0200')!).toBeGreaterThanOrEqual(2500);

    const retry = await register.post('/v1/purchases', body, { idempotencyKey: key });
    expect(retry.status).toBe(504);
    expect(retry.body).toEqual(answer.body);

    // A purchase approved after it is counted; the reversed one never was (same topic, same key: in order).
    platform.simulator.reset();
    expect((await register.post('/v1/purchases', card(700))).body.status).toBe('approved');
    const after = await eventually(totals, (t) => t.count === before.count + 1);
    expect(after).toEqual({ count: before.count + 1, amountMinor: before.amountMinor + 700n });
    expect(sent('0400')).toHaveLength(0);
  });

  it('reverses an approval a gRPC register gave up on (its own deadline passed first), once', async () => {
    hostAnswers('0200', 400);
    const before = await totals();
    const grpc = new TerminalGrpcClient(platform.gatewayGrpcAddress, KEY);
    try {
      const purchase = { amount: { amountMinor: '2400', currency: 'EUR' }, card: grpc.card(PAN) };
      const gaveUp = await grpc.purchase(purchase, { deadlineMs: 150 });
      expect(gaveUp.error?.code).toBe(4); // DEADLINE_EXCEEDED, on the register's side

      const [request] = await eventually(
        () => Promise.resolve(sent('0200')),
        (requests) => requests.length === 1,
      );
      await eventually(
        () => Promise.resolve(sent('0400')),
        (reversals) => reversals.length === 1,
        10_000,
      );
      expect(sent('0400')[0].fields[90].slice(0, 10)).toBe(`0200${request.fields[11]}`);
      const rows = (
        await operatorCall<{ items: { transactionId: string; status: string; amountMinor: string }[] }>(
          `${platform.authorizationUrl}/v1/journal/transactions?terminalId=${TERMINAL}&amountMin=2400&amountMax=2400`,
        )
      ).body.items;
      const reversed = await eventually(
        () => journal(rows[0].transactionId),
        (row) => row.status === 'reversed',
      );
      expect(statuses(reversed)).toEqual(['pending', 'approved', 'unknown', 'reversed']);
      // Counted when approved, taken back out once reversed.
      expect(await eventually(totals, (t) => t.count === before.count && t.amountMinor === before.amountMinor)).toEqual(before);
    } finally {
      grpc.close();
    }
  });

  it('reverses an approval already journaled when the register hung up first, and settlement takes it back out', async () => {
    hostAnswers('0200', 400);
    // The reversal waits at the host a while, so the approval can be seen counted meanwhile.
    hostAnswers('0400', 2500);
    const before = await totals();
    const key = `e2e-${randomUUID()}`;
    const body = card(2300);

    await postAndHangUp('/v1/purchases', body, key, 150);

    // The same key says what happened once the gateway knows (409 "in progress" until then).
    const retry = await eventually(
      () => register.post('/v1/purchases', body, { idempotencyKey: key }),
      (r: HttpResult) => r.status === 504,
    );
    expect(retry.body.message).toBe(
      "the register's connection closed before the outcome was delivered; this purchase is being reversed and moves no money: start a new operation with a new Idempotency-Key",
    );
    const counted = await eventually(totals, (t) => t.count === before.count + 1);
    expect(counted).toEqual({ count: before.count + 1, amountMinor: before.amountMinor + 2300n });

    const reversed = await eventually(
      () => journal(retry.body.transactionId),
      (row) => row.status === 'reversed',
    );
    expect(statuses(reversed)).toEqual(['pending', 'approved', 'unknown', 'reversed']);
    expect(reasonOf(reversed, 'unknown')).toBe("the register's connection closed before the outcome was delivered: the approval is reversed");
    expect(sent('0400')).toHaveLength(1);
    expect(sent('0400')[0].fields[90].slice(0, 10)).toBe(`0200${sent('0200')[0].fields[11]}`);
    expect(await eventually(totals, (t) => t.count === before.count)).toEqual(before);
  });

  it('lets a cancel stand when the register gives up on it: no reversal follows, and the key gets its outcome', async () => {
    const purchase = (await register.post('/v1/purchases', card(900))).body;
    expect(purchase.status).toBe('approved');
    hostAnswers('0400', 2500);
    const key = `e2e-${randomUUID()}`;
    const cancelBody = { originalTransactionId: purchase.transactionId };

    const answer = await register.post('/v1/cancels', cancelBody, { idempotencyKey: key });

    expect(answer.status).toBe(504);
    expect(answer.body.message).toBe(
      'the register did not receive the outcome within 1000 ms; this cancel is not reversed: retry with the same Idempotency-Key for its outcome',
    );
    const retry = await eventually(
      () => register.post('/v1/cancels', cancelBody, { idempotencyKey: key }),
      (r: HttpResult) => r.status === 201,
    );
    expect(retry.body).toMatchObject({ operation: 'cancel', status: 'approved', transactionId: answer.body.transactionId });
    // Long enough for the reversal worker to have sent anything queued.
    await new Promise((r) => setTimeout(r, 1500));
    expect(statuses(await journal(answer.body.transactionId))).toEqual(['pending', 'approved']);
    expect(await journal(purchase.transactionId)).toMatchObject({ status: 'cancelled' });
    expect(sent('0400')).toHaveLength(1);
    expect(sent('0420')).toHaveLength(0);
  });

  it('gives a refund the register hung up on back to its original: reversed, and the original can be refunded again', async () => {
    const purchase = (await register.post('/v1/purchases', card(1800))).body;
    expect(purchase.status).toBe('approved');
    expect((await register.post('/v1/close-day')).status).toBe(200);
    platform.simulator.addRule((m) => (m.mti === '0200' && m.fields[3] === '200000' ? { kind: 'delay', ms: 400, then: { kind: 'approve' } } : undefined));
    const key = `e2e-${randomUUID()}`;
    const refundBody = { originalTransactionId: purchase.transactionId };

    await postAndHangUp('/v1/refunds', refundBody, key, 150);

    const retry = await eventually(
      () => register.post('/v1/refunds', refundBody, { idempotencyKey: key }),
      (r: HttpResult) => r.status === 504,
    );
    const reversed = await eventually(
      () => journal(retry.body.transactionId),
      (row) => row.status === 'reversed',
    );
    expect(statuses(reversed)).toEqual(['pending', 'approved', 'unknown', 'reversed']);
    // The full refund had made the original "refunded"; the reversal gives it back whole.
    const original = await journal(purchase.transactionId);
    expect(original.status).toBe('approved');
    expect(statuses(original)).toEqual(['pending', 'approved', 'refunded', 'approved']);
    expect(reasonOf(original, 'refunded')).toBe(`refund ${String(retry.body.transactionId)}`);
    platform.simulator.reset();
    expect((await register.post('/v1/refunds', refundBody)).body).toMatchObject({ status: 'approved', amount: 1800 });
  });

  it('keeps a late decline for the key: nothing moved, so nothing is reversed', async () => {
    hostAnswers('0200', 2000, { decline: '05' });
    const key = `e2e-${randomUUID()}`;
    const body = card(1100);

    expect((await register.post('/v1/purchases', body, { idempotencyKey: key })).status).toBe(504);

    const retry = await eventually(
      () => register.post('/v1/purchases', body, { idempotencyKey: key }),
      (r: HttpResult) => r.status === 201,
    );
    expect(retry.body).toMatchObject({ status: 'declined', responseCode: '05' });
    expect(statuses(await journal(retry.body.transactionId))).toEqual(['pending', 'declined']);
    expect(sent('0400')).toHaveLength(0);
  });
});
