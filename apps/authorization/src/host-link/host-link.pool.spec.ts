import type { Iso8583Message } from '@payments/iso8583';
import { AcquirerHostSimulator, freePort, SIGN_OFF, SIGN_ON } from '@payments/testing';

import { HostLinkDownError } from './host-link.errors';
import type { HostLinkOptions, HostLinkState } from './host-link.options';
import { HostLinkPool } from './host-link.pool';
import { StanSequence } from './stan-rrn';

function purchase(stan: string, amountMinor: number): Iso8583Message {
  return {
    mti: '0200',
    fields: { 3: '000000', 4: String(amountMinor).padStart(12, '0'), 7: '1122054730', 11: stan, 41: 'TERM0001', 42: 'MERCHANT0000001', 49: '978' },
  };
}

async function until(condition: () => boolean, ms = 3_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe(HostLinkPool.name, () => {
  const host = new AcquirerHostSimulator({ magicAmounts: false });
  let sut: HostLinkPool;
  let stans: StanSequence;
  let states: [HostLinkState, number][];

  /** `count` links to the simulator sharing one STAN sequence, as the links of one acquirer do. */
  function pool(count: number, overrides: Partial<HostLinkOptions> = {}): HostLinkPool {
    const options: HostLinkOptions = {
      host: '127.0.0.1',
      port: host.port,
      responseTimeoutMs: 2_000,
      connectTimeoutMs: 500,
      reconnectBackoff: { initialMs: 50, maxMs: 200 },
      nextStan: () => Promise.resolve(stans.next()),
      ...overrides,
    };
    return new HostLinkPool(
      Array.from({ length: count }, () => options),
      (state, up) => states.push([state, up]),
    );
  }

  beforeAll(async () => {
    await host.start();
  });
  afterAll(async () => {
    await host.stop();
  });
  beforeEach(() => {
    host.reset();
    stans = new StanSequence(500_000);
    states = [];
  });
  afterEach(async () => {
    await sut?.close();
  });

  it('carries 200 requests at once over one link, answered out of order, each matched to its own by STAN', async () => {
    sut = pool(1);
    await sut.connect();
    // The host answers each after 0-40 ms at random: the answers come back in another order than asked.
    host.addRule(() => ({ kind: 'delay', ms: Math.floor(Math.random() * 40), then: { kind: 'approve' } }));
    const requests = Array.from({ length: 200 }, (_, i) => purchase(String(i + 1).padStart(6, '0'), 1_000 + i));

    const answered: string[] = [];

    const responses = await Promise.all(requests.map((request) => sut.send(request).then((r) => (answered.push(r.fields[11]), r))));

    expect(responses.map((r) => [r.mti, r.fields[11], r.fields[4], r.fields[39]])).toEqual(requests.map((r) => ['0210', r.fields[11], r.fields[4], '00']));
    expect(host.connections).toBe(1);
    expect(host.received.filter((m) => m.mti === '0200')).toHaveLength(200);
    expect(answered).not.toEqual(requests.map((r) => r.fields[11]));
  });

  it('spreads requests over its links and signs on each of them', async () => {
    sut = pool(3, { signOn: true });
    await sut.connect();
    await until(() => sut.linksUp() === 3);

    await Promise.all(Array.from({ length: 30 }, (_, i) => sut.send(purchase(String(i + 1).padStart(6, '0'), 100 + i))));

    expect(host.connections).toBe(3);
    expect(host.received.filter((m) => m.fields[70] === SIGN_ON)).toHaveLength(3);
    expect(new Set(host.received.filter((m) => m.fields[70] === SIGN_ON).map((m) => m.fields[11])).size).toBe(3);
    expect(states.at(-1)).toEqual(['up', 3]);
  });

  it('keeps working over the links left when one is lost, and brings that one back', async () => {
    sut = pool(2);
    await sut.connect();
    await until(() => sut.linksUp() === 2);
    host.addRule((m) => (m.fields[4] === '000000000666' ? { kind: 'drop' } : undefined));

    const lost = await Promise.allSettled([sut.send(purchase('000001', 666)), sut.send(purchase('000002', 1))]);
    const after = await Promise.all([sut.send(purchase('000003', 3)), sut.send(purchase('000004', 4))]);

    expect(lost.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(HostLinkDownError);
    expect(after.map((r) => r.fields[39])).toEqual(['00', '00']);
    expect(states).toContainEqual(['up', 1]);
    await until(() => sut.linksUp() === 2);
    expect(host.connections).toBe(3);
  });

  it('answers an echo while one link is up, with the latency of a link that answered', async () => {
    sut = pool(2);
    await sut.connect();
    await until(() => sut.linksUp() === 2);

    await expect(sut.echo()).resolves.toEqual({ latencyMs: expect.any(Number) });
    expect(host.received.filter((m) => m.fields[70] === '301')).toHaveLength(2);
  });

  it('rejects when no link can connect, and reports down', async () => {
    sut = pool(2, { port: await freePort() });

    await expect(sut.connect()).rejects.toBeInstanceOf(HostLinkDownError);
    expect(sut.state()).toBe('down');
    expect(sut.linksUp()).toBe(0);
  });

  it('signs off once per link, however many times it is closed (SIGTERM and the shutdown hook)', async () => {
    sut = pool(2, { signOn: true });
    await sut.connect();
    await until(() => sut.linksUp() === 2);

    await Promise.all([sut.close(), sut.close()]);
    await sut.close();

    expect(host.received.filter((m) => m.fields[70] === SIGN_OFF)).toHaveLength(2);
    expect(sut.linkStates()).toEqual(['down', 'down']);
  });
});
