import { AcquirerHostSimulator, freePort } from '@payments/testing';

import { PlatformOptions, PlatformUnderTest, startDistributed, startEmbedded } from '../support/platform-under-test';
import { eventually, operatorCall, HttpResult, RegisterClient, TERMINAL_KEY } from '../support/register.client';

const VISA = '4242424242424242';
const MASTERCARD = '5555555555554444';
const AMEX = '378282246310005';

/**
 * Two acquirers: Mastercard to bank-b (two links, each signing on), Visa to bank-a (its terminals
 * in Bishkek, UTC+6 all year); no route for anything else.
 */
function network(portA: number, portB: number): string {
  return JSON.stringify({
    acquirers: [
      { id: 'bank-a', host: '127.0.0.1', port: portA, responseTimeoutMs: 1500, timeZone: 'Asia/Bishkek' },
      { id: 'bank-b', host: '127.0.0.1', port: portB, responseTimeoutMs: 1500, connections: 2, signOn: true },
    ],
    routes: [
      { acquirer: 'bank-b', match: { schemes: ['mastercard'] } },
      { acquirer: 'bank-a', match: { schemes: ['visa'] } },
    ],
  });
}

/** DE 13 (MMDD) and DE 12 (hhmmss) of the instant of DE 7 (MMDDhhmmss, UTC, this year) at a fixed offset. */
function localFields(field7: string, offsetMs: number): [string, string] {
  const n = (from: number) => Number(field7.slice(from, from + 2));
  const local = new Date(Date.UTC(new Date().getUTCFullYear(), n(0) - 1, n(2), n(4), n(6), n(8)) + offsetMs);
  const two = (value: number) => String(value).padStart(2, '0');
  return [`${two(local.getUTCMonth() + 1)}${two(local.getUTCDate())}`, `${two(local.getUTCHours())}${two(local.getUTCMinutes())}${two(local.getUTCSeconds())}`];
}

describe.each([
  ['embedded', startEmbedded],
  ['distributed', startDistributed],
])('acquirer routing end to end (%s mode)', (_mode, start: (options: PlatformOptions) => Promise<PlatformUnderTest>) => {
  let platform: PlatformUnderTest;
  let bankB: AcquirerHostSimulator;
  // A register of its own: its batch and close of day belong to this suite.
  let register: RegisterClient;

  beforeAll(async () => {
    bankB = new AcquirerHostSimulator({ port: await freePort() });
    const { port: portB } = await bankB.start();
    const portA = await freePort();
    // bank-a is the platform's own simulator, started on portA.
    platform = await start({ simulatorPort: portA, env: { AUTHORIZATION_ACQUIRERS: network(portA, portB) } });
    register = new RegisterClient(platform.gatewayUrl, `${TERMINAL_KEY}-6`);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    await bankB?.stop();
  }, 60_000);

  beforeEach(() => {
    platform.simulator.reset();
    bankB.reset();
  });

  const bankA = () => platform.simulator;
  const payments = (simulator: AcquirerHostSimulator) => simulator.received.filter((m) => !m.mti.startsWith('08'));
  const purchase = (pan: string, amount: number) => register.post('/v1/purchases', { amount, currency: 'EUR', card: register.card(pan) });
  const journal = async (id: unknown) => (await operatorCall(`${platform.authorizationUrl}/v1/journal/transactions/${String(id)}`)).body;
  const approved = (result: HttpResult) => {
    expect(result.body).toMatchObject({ status: 'approved', responseCode: '00' });
    return result.body;
  };

  it('sends each card to the acquirer its scheme is routed to, and its cancel to the same one', async () => {
    const visa = approved(await purchase(VISA, 1100));
    const mastercard = approved(await purchase(MASTERCARD, 2200));

    expect(payments(bankA()).map((m) => [m.mti, m.fields[4]])).toEqual([['0200', '000000001100']]);
    expect(payments(bankB).map((m) => [m.mti, m.fields[4]])).toEqual([['0200', '000000002200']]);

    approved(await register.post('/v1/cancels', { originalTransactionId: mastercard.transactionId }));
    expect(payments(bankB).map((m) => m.mti)).toEqual(['0200', '0400']);
    expect(payments(bankB)[1].fields[90].slice(4, 10)).toBe(payments(bankB)[0].fields[11]);
    expect(payments(bankA()).map((m) => m.mti)).toEqual(['0200']);
    expect(visa.maskedPan).toBe('424242******4242');
    // RRNs (DE 37) come from one sequence shared by the acquirers: no two of them get the same one.
    const rrnsA = payments(bankA()).map((m) => m.fields[37]);
    const rrnsB = payments(bankB).map((m) => m.fields[37]);
    expect(rrnsA).toHaveLength(1);
    expect(rrnsA.filter((rrn) => rrnsB.includes(rrn))).toEqual([]);
  });

  it("sends DE 12/13 in the local time of the acquirer's terminals, DE 7 in UTC", async () => {
    approved(await purchase(VISA, 1200));
    approved(await purchase(MASTERCARD, 2300));

    const [toA] = payments(bankA());
    const [toB] = payments(bankB);
    expect(localFields(toA.fields[7], 6 * 3_600_000)).toEqual([toA.fields[13], toA.fields[12]]);
    expect(localFields(toB.fields[7], 0)).toEqual([toB.fields[13], toB.fields[12]]);
  });

  it('reverses an unanswered purchase at the acquirer that was asked', async () => {
    // The simulator never answers an amount ending in 91.
    const lost = await purchase(MASTERCARD, 1991);
    expect(lost.body).toMatchObject({ status: 'failed', responseCode: '91' });

    await eventually(
      () => journal(lost.body.transactionId),
      (row) => row.status === 'reversed',
    );
    expect(payments(bankB).map((m) => m.mti)).toEqual(['0200', '0400']);
    expect(payments(bankA())).toHaveLength(0);
  });

  it('declines a card no route takes with 92, naming its BIN, and asks no host', async () => {
    const refused = await purchase(AMEX, 500);

    expect(refused.body).toMatchObject({ status: 'declined', responseCode: '92' });
    expect(refused.text).not.toContain(AMEX);
    const row = await journal(refused.body.transactionId);
    expect(row).toMatchObject({ status: 'declined', responseCode: '92' });
    expect(JSON.stringify(row)).toContain('no acquirer route matches the card with BIN 378282');
    expect(payments(bankA())).toHaveLength(0);
    expect(payments(bankB)).toHaveLength(0);
  });

  it('closes the day with each acquirer on its own totals', async () => {
    approved(await purchase(VISA, 1000));
    approved(await purchase(MASTERCARD, 3000));
    approved(await purchase(MASTERCARD, 4000));

    const closed = await register.post('/v1/close-day');

    expect(closed.body).toMatchObject({ status: 'ok', batch: { status: 'closed', reconciliation: 'in_balance' } });
    expect(closed.body.message).toMatch(/host answered bank-a EUR 00, bank-b EUR 00/);
    const [totalsA] = bankA().received.filter((m) => m.mti === '0500');
    const [totalsB] = bankB.received.filter((m) => m.mti === '0500');
    // DE 76 debits number, DE 88 debits amount. This batch also holds the earlier tests' operations.
    expect(Number(totalsA.fields[76])).toBeGreaterThanOrEqual(1);
    expect(Number(totalsB.fields[76])).toBeGreaterThanOrEqual(2);
    const batch = closed.body.batch as { totals: { debitCount: number; debitAmountMinor: string }[] };
    const debits = batch.totals.reduce((sum, t) => sum + t.debitCount, 0);
    expect(Number(totalsA.fields[76]) + Number(totalsB.fields[76])).toBe(debits);
    expect(BigInt(totalsA.fields[88]) + BigInt(totalsB.fields[88])).toBe(batch.totals.reduce((sum, t) => sum + BigInt(t.debitAmountMinor), 0n));
  });

  it('checks the connection through to every acquirer, and names the one that does not answer', async () => {
    const check = await register.post('/v1/connection-checks');
    expect(check.body).toMatchObject({ status: 'ok', connection: { acquirer: 'bank-a', responseCode: '00' } });
    expect(check.body.message).toMatch(/^hosts reachable: bank-a [0-9.]+ ms, bank-b [0-9.]+ ms$/);

    bankB.ignoreEchoes();
    const silent = await register.post('/v1/connection-checks');
    expect(silent.status).toBe(502);
    expect(silent.body.message).toMatch(/^host not reachable: bank-b /);
    expect(silent.body.message).not.toContain('bank-a');
  });
});
