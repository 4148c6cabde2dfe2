import { generateKeyPairSync, randomUUID } from 'node:crypto';

import { answerSubjectOf, ed25519PublicKeyOf, SIGNATURE_HEADER, SIGNATURE_TIMESTAMP_HEADER, signatureHolds, signMessage } from '@payments/contracts';

import { PayeeGatewaySimulator } from './payee-gateway.simulator';

const platform = generateKeyPairSync('ed25519');

describe('PayeeGatewaySimulator', () => {
  const simulator = new PayeeGatewaySimulator({ platformPublicKeyPem: platform.publicKey.export({ type: 'spki', format: 'pem' }).toString() });
  let url: string;

  beforeAll(async () => {
    url = (await simulator.start()).url;
  });
  afterEach(() => simulator.resetBehaviours());
  afterAll(() => simulator.stop());

  const send = async (method: 'GET' | 'POST', path: string, payload?: unknown, options: { sign?: boolean; timestamp?: string } = {}) => {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const timestamp = options.timestamp ?? new Date().toISOString();
    const headers: Record<string, string> = { 'content-type': 'application/json', [SIGNATURE_TIMESTAMP_HEADER]: timestamp };
    if (options.sign !== false) headers[SIGNATURE_HEADER] = signMessage(platform.privateKey, { subject: method, path, timestamp, body });
    const response = await fetch(`${url}${path}`, { method, headers, ...(method === 'POST' ? { body } : {}) });
    const text = await response.text();
    const signed = signatureHolds(
      ed25519PublicKeyOf(simulator.publicKeyPem),
      { subject: answerSubjectOf(response.status), path, timestamp: response.headers.get(SIGNATURE_TIMESTAMP_HEADER) ?? '', body: text },
      response.headers.get(SIGNATURE_HEADER),
    );
    return { status: response.status, json: JSON.parse(text) as Record<string, unknown>, signed };
  };
  const payment = (amount = '2500') => ({ paymentId: randomUUID(), account: '+420777123456', amount, currency: 'EUR' });

  it('refuses an unsigned request and one with a stale timestamp, with a signed 401', async () => {
    const before = simulator.refusedRequests;
    expect(await send('POST', '/v1/payments', payment(), { sign: false })).toMatchObject({ status: 401, signed: true });
    const stale = new Date(Date.now() - 10 * 60_000).toISOString();
    expect(await send('POST', '/v1/payments', payment(), { timestamp: stale })).toMatchObject({ status: 401, signed: true });
    expect(simulator.refusedRequests).toBe(before + 2);
    expect(simulator.payouts).toBe(0);
  });

  it('pays a payment id once under 20 concurrent sends, answers each with the truth, and refuses the id with another body', async () => {
    const order = payment();
    const answers = await Promise.all(Array.from({ length: 20 }, () => send('POST', '/v1/payments', order)));
    expect(answers.every((a) => a.status === 200 && a.signed && a.json.status === 'paid')).toBe(true);
    expect(simulator.payouts).toBe(1);
    expect(await send('POST', '/v1/payments', { ...order, amount: '2600' })).toMatchObject({ status: 409 });
    expect(await send('GET', `/v1/payments/${order.paymentId}`)).toEqual({ status: 200, signed: true, json: { paymentId: order.paymentId, status: 'paid' } });
    const unknown = randomUUID();
    expect(await send('GET', `/v1/payments/${unknown}`)).toEqual({ status: 404, signed: true, json: { paymentId: unknown, status: 'not_found' } });
  });

  it('keeps a declined payment declined, and pays nothing while unavailable', async () => {
    simulator.on({ amount: 999n }, { kind: 'decline', reason: 'account closed' });
    const declined = payment('999');
    expect((await send('POST', '/v1/payments', declined)).json).toEqual({ paymentId: declined.paymentId, status: 'declined', reason: 'account closed' });
    simulator.resetBehaviours();
    expect((await send('POST', '/v1/payments', declined)).json.status).toBe('declined');
    simulator.setDefault({ kind: 'unavailable' });
    const payouts = simulator.payouts;
    const refused = payment();
    expect((await send('POST', '/v1/payments', refused)).status).toBe(503);
    expect(simulator.payment(refused.paymentId)).toBeUndefined();
    expect(simulator.payouts).toBe(payouts);
  });

  it('signs an answer with a stranger’s key when told to, the payment made all the same', async () => {
    simulator.setDefault({ kind: 'bad-signature' });
    const order = payment();
    expect(await send('POST', '/v1/payments', order)).toMatchObject({ status: 200, signed: false });
    expect(simulator.payment(order.paymentId)?.status).toBe('paid');
  });
});
