import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { PayeeGatewaySimulator } from '@payments/testing';

import { HttpPayeeGateway } from './http-payee-gateway';
import type { PayeeGatewaySettings } from './payee-gateway';
import { platformSigningKeyOf } from './platform-signing-key';

const DEADLINE_MS = 250;
const PAN = '4111111111111111';

/** The adapter against the payee gateway simulator over real HTTP on 127.0.0.1. */
describe('HttpPayeeGateway', () => {
  const key = platformSigningKeyOf({});
  const adapter = new HttpPayeeGateway(key);
  const simulator = new PayeeGatewaySimulator({ platformPublicKeyPem: key.publicKeyPem });
  let gateway: PayeeGatewaySettings;
  const order = (amount = 2_500n, account = '+420777123456') => ({ paymentId: randomUUID(), account, amount, currency: 'EUR' });

  beforeAll(async () => {
    gateway = { baseUrl: (await simulator.start()).url, publicKey: simulator.publicKeyPem, deadlineMs: DEADLINE_MS };
  });
  afterEach(() => simulator.resetBehaviours());
  afterAll(() => simulator.stop());

  it('maps a payment the payee made to paid, and its status query to paid too', async () => {
    const paid = order();
    expect(await adapter.pay(gateway, paid)).toEqual({ kind: 'paid' });
    expect(await adapter.status(gateway, paid.paymentId)).toEqual({ kind: 'paid' });
    expect(simulator.payment(paid.paymentId)).toMatchObject({ status: 'paid', amount: 2_500n, account: '+420777123456' });
  });

  it('maps a decline to declined with the payee’s reason, card numbers in it masked', async () => {
    simulator.on({ amount: 777n }, { kind: 'decline', reason: `account ${PAN} closed` });
    const declined = order(777n);
    const result = await adapter.pay(gateway, declined);
    expect(result).toEqual({ kind: 'declined', reason: expect.stringContaining('account 411111') });
    expect(JSON.stringify(result)).not.toContain(PAN);
    expect(await adapter.status(gateway, declined.paymentId)).toEqual(result);
  });

  it('maps a payment the payee never received to not_found on a status query', async () => {
    expect(await adapter.status(gateway, randomUUID())).toEqual({ kind: 'not_found' });
  });

  it('maps no answer by the deadline, and a late answer, to unknown (timeout)', async () => {
    simulator.on({ amount: 1n }, { kind: 'timeout' }).on({ amount: 2n }, { kind: 'late', ms: DEADLINE_MS * 3 });
    const started = Date.now();
    expect(await adapter.pay(gateway, order(1n))).toEqual({ kind: 'unknown', cause: 'timeout' });
    expect(Date.now() - started).toBeLessThan(DEADLINE_MS * 4);
    expect(await adapter.pay(gateway, order(2n))).toEqual({ kind: 'unknown', cause: 'timeout' });
  });

  it('maps a 503 and a refused connection to unknown (down)', async () => {
    simulator.on({}, { kind: 'unavailable' });
    expect(await adapter.pay(gateway, order())).toEqual({ kind: 'unknown', cause: 'down' });
    const closed = await new Promise<number>((resolve) => {
      const probe: Server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    expect(await adapter.pay({ ...gateway, baseUrl: `http://127.0.0.1:${closed}` }, order())).toEqual({ kind: 'unknown', cause: 'down' });
  });

  it('does not trust an answer signed with another key, nor one without a signature (unknown, never a decline)', async () => {
    simulator.on({}, { kind: 'bad-signature' });
    const paid = order();
    expect(await adapter.pay(gateway, paid)).toEqual({ kind: 'unknown', cause: 'bad_signature' });
    simulator.resetBehaviours();
    expect(await adapter.status(gateway, paid.paymentId)).toEqual({ kind: 'paid' });

    const unsigned = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"paymentId":"x","status":"declined"}'));
    await new Promise<void>((resolve) => unsigned.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(unsigned.address() as AddressInfo).port}`;
    try {
      expect(await adapter.pay({ ...gateway, baseUrl: url }, order())).toEqual({ kind: 'unknown', cause: 'bad_signature' });
      expect(await adapter.checkAccount({ ...gateway, baseUrl: url }, { account: '1' })).toEqual({ kind: 'unknown', cause: 'bad_signature' });
    } finally {
      await new Promise((resolve) => unsigned.close(resolve));
    }
  });

  it('never follows a redirect (the payer’s account and the signature would go elsewhere): a 307 is unknown (bad_answer)', async () => {
    let reached = 0;
    const internal = createServer((_req, res) => {
      reached += 1;
      res.writeHead(200).end();
    });
    await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
    const location = `http://127.0.0.1:${(internal.address() as AddressInfo).port}/v1/payments`;
    simulator.on({}, { kind: 'redirect', location });
    try {
      const redirected = order();
      expect(await adapter.pay(gateway, redirected)).toEqual({ kind: 'unknown', cause: 'bad_answer' });
      expect(await adapter.checkAccount(gateway, { account: '1' })).toEqual({ kind: 'unknown', cause: 'bad_answer' });
      expect(reached).toBe(0);
      expect(simulator.payment(redirected.paymentId)).toBeUndefined();
    } finally {
      await new Promise((resolve) => internal.close(resolve));
    }
  });

  it('does not trust a well-signed answer whose timestamp is beyond the allowed skew (a replayed answer): unknown, never a decline', async () => {
    simulator.setDefault({ kind: 'stale', ms: 6 * 60_000 });
    expect(await adapter.pay(gateway, order())).toEqual({ kind: 'unknown', cause: 'bad_signature' });
    expect(await adapter.checkAccount(gateway, { account: '1' })).toEqual({ kind: 'unknown', cause: 'bad_signature' });
    simulator.resetBehaviours();
    simulator.on({}, { kind: 'stale', ms: 60_000 }); // within the skew: trusted
    expect(await adapter.pay(gateway, order())).toEqual({ kind: 'paid' });
  });

  it('signs its requests: the simulator refuses a platform key it does not know (401, off the protocol)', async () => {
    const stranger = new HttpPayeeGateway(platformSigningKeyOf({}));
    const before = simulator.refusedRequests;
    expect(await stranger.pay(gateway, order())).toEqual({ kind: 'unknown', cause: 'bad_answer' });
    expect(simulator.refusedRequests).toBe(before + 1);
  });

  it('maps an account check to exists, payable and the holder’s name, or the payee’s refusal', async () => {
    simulator.on({ account: 'unknown' }, { kind: 'decline', reason: 'no such subscriber' });
    simulator.on({ account: 'known' }, { kind: 'ok', holderName: 'Jana Nováková' });
    expect(await adapter.checkAccount(gateway, { account: 'known', amount: 100n, currency: 'EUR' })).toEqual({
      kind: 'answered',
      exists: true,
      payable: true,
      holderName: 'Jana Nováková',
    });
    expect(await adapter.checkAccount(gateway, { account: 'unknown' })).toEqual({
      kind: 'answered',
      exists: false,
      payable: false,
      reason: 'no such subscriber',
    });
  });
});
