import { randomUUID } from 'node:crypto';

import { OPERATOR_KEY, PlatformUnderTest, startEmbedded } from '../support/platform-under-test';
import { call, eventually, HttpResult, operatorCall, RegisterClient, TERMINAL_KEY } from '../support/register.client';

const PAN = '4242424242424242';
const MINUTE = 60_000;

/**
 * Settlement's close of day, from the register to the batch (embedded mode: a database of its own,
 * so the day holds only this suite's operations). The default acquirer's cut-off is set a minute
 * or two ahead, so the day can be seen refused while open and then closed once it has ended: the
 * suite waits for that cut-off on the wall clock.
 */
describe('settlement close of day end to end (embedded mode)', () => {
  // The next whole minute at least 50 s away: boot and the operations fit before it.
  const cutOffAt = Math.ceil((Date.now() + 50_000) / MINUTE) * MINUTE;
  const cutOff = new Date(cutOffAt).toISOString().slice(11, 16);
  // The day that ends at the cut-off (at 00:00, the calendar day before it).
  const day = new Date(cutOffAt - 1).toISOString().slice(0, 10);
  let platform: PlatformUnderTest;
  let register: RegisterClient;

  beforeAll(async () => {
    platform = await startEmbedded({ env: { SETTLEMENT_CUT_OFFS: JSON.stringify({ default: `${cutOff} UTC` }) } });
    register = new RegisterClient(platform.gatewayUrl, TERMINAL_KEY);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const card = (amount: number) => ({ amount, currency: 'EUR', card: register.card(PAN) });
  const approved = (result: HttpResult) => {
    expect(result.body).toMatchObject({ status: 'approved', responseCode: '00' });
    return result.body;
  };
  const closeDay = (acquirerId: string, businessDay: string) =>
    call(`${platform.settlementUrl}/v1/settlement/acquirers/${acquirerId}/business-days/${businessDay}/close`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OPERATOR_KEY}` },
    });
  const journal = async (id: unknown) => (await operatorCall(`${platform.authorizationUrl}/v1/journal/transactions/${String(id)}`)).body;

  /** A purchase the host approves after the register hung up: announced as authorized, then reversed (0400). */
  const reversedPurchase = async (amount: number) => {
    platform.simulator.addRule((m) => (m.mti === '0200' ? { kind: 'delay', ms: 400, then: { kind: 'approve' } } : undefined));
    const key = `e2e-${randomUUID()}`;
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${TERMINAL_KEY}`, 'idempotency-key': key };
    const body = card(amount);
    await expect(
      fetch(`${platform.gatewayUrl}/v1/purchases`, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(150) }),
    ).rejects.toThrow();
    const outcome = await eventually(
      () => register.post('/v1/purchases', body, { idempotencyKey: key }),
      (r: HttpResult) => r.status === 504,
    );
    const row = await eventually(
      () => journal(outcome.body.transactionId),
      (r) => r.status === 'reversed',
    );
    expect(row.status).toBe('reversed');
    platform.simulator.reset();
  };

  it("nets purchases, a cancel and a reversal into the day's batch, once, after the cut-off", async () => {
    approved(await register.post('/v1/purchases', card(4000)));
    const second = approved(await register.post('/v1/purchases', card(2550)));
    approved(await register.post('/v1/cancels', { originalTransactionId: second.transactionId }));
    await reversedPurchase(2300);
    expect(Date.now()).toBeLessThan(cutOffAt);

    const early = await closeDay('default', day);
    expect(early.status).toBe(422);
    expect(early.body.message).toBe(
      `businessDay: ${day} of acquirer "default" has not ended: it ends at ${new Date(cutOffAt).toISOString()} (cut-off ${cutOff} UTC)`,
    );
    expect((await closeDay('default', '2026-02-30')).status).toBe(400);
    expect(await closeDay('nobody', day)).toMatchObject({
      status: 404,
      body: { message: 'acquirerId: acquirer "nobody" is neither configured nor seen in any transaction' },
    });

    await new Promise((resolve) => setTimeout(resolve, cutOffAt - Date.now() + 200));
    const closed = await closeDay('default', day);

    expect(closed.status).toBe(200);
    // 40.00 + 25.50 - 25.50 (cancel) + 23.00 - 23.00 (reversal): 40.00 owed to the merchant.
    expect(closed.body).toMatchObject({
      acquirerId: 'default',
      businessDay: day,
      lineCount: 5,
      lateLineCount: 0,
      currencies: [{ currency: 'EUR', lineCount: 5, debitMinor: '8850', creditMinor: '4850', netMinor: '4000' }],
      totals: [{ merchantId: expect.any(String), terminalId: 'DEMO0001', scheme: 'visa', currency: 'EUR', lineCount: 5, netMinor: '4000' }],
    });
    const again = await closeDay('default', day);
    expect(again.body).toEqual(closed.body);
    expect((await operatorCall(`${platform.settlementUrl}/v1/settlement/batches/${String(closed.body.batchId)}`)).body).toEqual(closed.body);
    expect((await operatorCall(`${platform.settlementUrl}/v1/settlement/batches?acquirerId=default`)).body).toEqual([closed.body]);

    // Posted by the shipped example chart: visa receivable against merchant payable, gross both ways.
    const postings = await operatorCall(`${platform.settlementUrl}/v1/settlement/batches/${String(closed.body.batchId)}/postings`);
    expect(postings.body).toMatchObject([
      { debit: { account: '1011' }, credit: { account: '2010' }, currency: 'EUR', amountMinor: '8850', lineCount: 3 },
      { debit: { account: '2010' }, credit: { account: '1011' }, currency: 'EUR', amountMinor: '4850', lineCount: 2 },
    ]);
    const balance = await operatorCall(`${platform.settlementUrl}/v1/settlement/trial-balance?from=${day}&to=${day}&currency=EUR`);
    expect(balance.body).toMatchObject({
      accounts: [
        { account: '1011', name: 'Card scheme receivable - Visa', openingMinor: '0', debitMinor: '8850', creditMinor: '4850', closingMinor: '4000' },
        { account: '2010', name: 'Merchant payable', openingMinor: '0', debitMinor: '4850', creditMinor: '8850', closingMinor: '-4000' },
      ],
      checks: [{ currency: 'EUR', debitMinor: '13700', creditMinor: '13700', closingMinor: '0', balanced: true }],
    });
    expect(await operatorCall(`${platform.settlementUrl}/v1/settlement/trial-balance?from=${day}&to=2020-01-01`)).toMatchObject({
      status: 400,
      body: { message: `to: 2020-01-01 is before from ${day}` },
    });
  }, 240_000);
});
