import { Logger, type LoggerService } from '@nestjs/common';

import type { Iso8583Message } from '@payments/iso8583';
import { metricsRegistry, scrapedSample } from '@payments/observability';
import { AcquirerHostSimulator } from '@payments/testing';

import { acquirerNetworkOf } from '../config/acquirer-network.provider';
import { loadAuthorizationEnv } from '../config/authorization-env';
import type { AuthorizationDb } from '../database/authorization-db.provider';
import { HostLinkDownError } from '../host-link/host-link.errors';
import { InMemoryHostSequenceStore } from '../host-link/host-sequence.store';
import { AcquirerClient } from './acquirer.client';
import { NoAcquirerRouteError } from './routing/no-acquirer-route.error';
import { UnknownAcquirerError } from './routing/unknown-acquirer.error';

const AT = new Date('2026-11-22T05:47:30Z');
const NO_DATABASE = {} as AuthorizationDb; // the sequence store is given instead

function purchase(stan: string, pan = '4242424242424242'): Iso8583Message {
  return {
    mti: '0200',
    fields: { 2: pan, 3: '000000', 4: '000000001234', 7: '1122054730', 11: stan, 22: '051', 41: 'TERM0001', 42: 'MERCHANT0000001', 49: '978' },
  };
}

async function until(condition: () => boolean, ms = 2_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function metricValue(name: string, labels: Record<string, string>): Promise<number | undefined> {
  const metric = await metricsRegistry.getSingleMetric(name)?.get();
  return metric?.values.find((v) => Object.entries(labels).every(([k, value]) => v.labels[k] === value))?.value;
}

/** Every line the client logs, to check what reaches the logs. */
const logged: string[] = [];
const capture = (message: unknown): void => void logged.push(String(message));
const captureLogger: LoggerService = { log: capture, warn: capture, error: capture, debug: capture, verbose: capture };

describe(AcquirerClient.name, () => {
  const bankA = new AcquirerHostSimulator();
  const bankB = new AcquirerHostSimulator();
  let store: InMemoryHostSequenceStore;
  let sut: AcquirerClient;

  /** Two acquirers with unique ids per test (the metrics registry is process-wide). */
  function twoAcquirers(suffix: string, signOnB = true): Record<string, string> {
    return {
      AUTHORIZATION_ACQUIRERS: JSON.stringify({
        acquirers: [
          { id: `a-${suffix}`, host: '127.0.0.1', port: bankA.port, responseTimeoutMs: 300, echoIntervalMs: 0 },
          { id: `b-${suffix}`, host: '127.0.0.1', port: bankB.port, responseTimeoutMs: 300, echoIntervalMs: 0, signOn: signOnB },
        ],
        cardKinds: [{ kind: 'fleet', binRanges: ['7000-7099'] }],
        routes: [
          { acquirer: `b-${suffix}`, match: { merchantIds: ['SHOP-B-001'] } },
          { acquirer: `b-${suffix}`, match: { cardKinds: ['amex', 'fleet'] } },
          { acquirer: `a-${suffix}`, match: { cardKinds: ['visa', 'mastercard'] } },
        ],
      }),
    };
  }

  async function start(env: Record<string, string>, sequences = store): Promise<AcquirerClient> {
    const client = new AcquirerClient(acquirerNetworkOf(loadAuthorizationEnv(env)), NO_DATABASE, sequences);
    await client.onModuleInit();
    return client;
  }

  beforeAll(async () => {
    Logger.overrideLogger(captureLogger);
    await Promise.all([bankA.start(), bankB.start()]);
  });
  afterAll(async () => {
    await Promise.all([bankA.stop(), bankB.stop()]);
  });
  beforeEach(() => {
    logged.length = 0;
    bankA.reset();
    bankB.reset();
    store = new InMemoryHostSequenceStore();
  });
  afterEach(async () => {
    await sut?.onApplicationShutdown();
  });

  describe('with the single-acquirer variables only', () => {
    beforeEach(async () => {
      sut = await start({ AUTHORIZATION_ACQUIRER_PORT: String(bankA.port), AUTHORIZATION_HOST_TIMEOUT_MS: '300' });
    });

    it('has one acquirer "default" that takes every card', () => {
      expect(sut.acquirerIds()).toEqual(['default']);
      expect(sut.route({ pan: '6011111111111117' })).toBe('default');
    });

    it('numbers requests from the default acquirer sequence and sends them to it; a row without an acquirer belongs to it', async () => {
      const acquirer = sut.acquirerOf({ acquirerId: null });
      const { stan, rrn } = await sut.nextReferenceFor(acquirer, AT);

      const response = await sut.sendTo(acquirer, purchase(stan));

      expect([stan, rrn]).toEqual(['000001', '632605000001']);
      expect(response.fields[39]).toBe('00');
      expect(bankA.received.map((m) => m.mti)).toEqual(['0200']);
    });

    it('logs a late answer by MTI and STAN only, never the card number it echoes', async () => {
      bankA.setDefault({ kind: 'delay', ms: 400, then: { kind: 'approve' } });
      const pan = '4000056655665556';

      await expect(sut.sendTo('default', purchase((await sut.nextReferenceFor('default', AT)).stan, pan))).rejects.toThrow(/no response .* within 300 ms/);
      await until(() => logged.some((line) => line.includes('late or unmatched 0210')));

      expect(logged.join('\n')).not.toContain(pan);
      expect(logged.join('\n')).toContain('late or unmatched 0210 from acquirer default (STAN 000001)');
    });

    it('answers a connection check with an echo test', async () => {
      await expect(sut.echo()).resolves.toEqual({ latencyMs: expect.any(Number) as number });
      expect(bankA.received.map((m) => [m.mti, m.fields[70]])).toEqual([['0800', '301']]);
    });
  });

  describe('with several acquirers', () => {
    it('routes each card to its acquirer and sends over that acquirer link only', async () => {
      sut = await start(twoAcquirers('route'));
      const visa = sut.route({ pan: '4242424242424242', merchantId: 'SHOP-A-001' });
      const amex = sut.route({ pan: '378282246310005', merchantId: 'SHOP-A-001' });
      const atShopB = sut.route({ pan: '4242424242424242', merchantId: 'SHOP-B-001' });

      await sut.sendTo(visa, purchase((await sut.nextReferenceFor(visa, AT)).stan));
      await sut.sendTo(amex, purchase((await sut.nextReferenceFor(amex, AT)).stan, '378282246310005'));

      expect([visa, amex, atShopB]).toEqual(['a-route', 'b-route', 'b-route']);
      expect(bankA.received.filter((m) => m.mti === '0200').map((m) => m.fields[2])).toEqual(['4242424242424242']);
      expect(bankB.received.filter((m) => m.mti === '0200').map((m) => m.fields[2])).toEqual(['378282246310005']);
    });

    it('signs on only where configured, before the first request', async () => {
      sut = await start(twoAcquirers('signon'));
      await until(() => sut.linkState('b-signon') === 'up');

      expect(bankB.received.map((m) => [m.mti, m.fields[70]])).toEqual([['0800', '001']]);
      expect(bankA.received.filter((m) => m.mti === '0800')).toHaveLength(0);
    });

    it('keeps one STAN sequence per acquirer and never gives two acquirers the same RRN', async () => {
      sut = await start(twoAcquirers('seq', false));

      const refs = [await sut.nextReferenceFor('a-seq', AT), await sut.nextReferenceFor('a-seq', AT), await sut.nextReferenceFor('b-seq', AT)];

      expect(refs.map((r) => r.stan)).toEqual(['000001', '000002', '000001']);
      expect(new Set(refs.map((r) => r.rrn)).size).toBe(3);
      expect(refs.map((r) => r.rrn)).toEqual(['632605000001', '632605000002', '632605000101']);
    });

    it('resumes STANs after a restart instead of starting again at 000001', async () => {
      const first = await start(twoAcquirers('restart', false));
      await first.nextReferenceFor('a-restart', AT);
      await first.onApplicationShutdown();

      sut = await start(twoAcquirers('restart', false));

      expect((await sut.nextReferenceFor('a-restart', AT)).stan).toBe('000101');
    });

    it('checks one acquirer with an echo', async () => {
      sut = await start(twoAcquirers('echo', false));

      await sut.echo('b-echo');

      expect(bankB.received.map((m) => m.fields[70])).toEqual(['301']);
      expect(bankA.received.filter((m) => m.mti === '0800')).toHaveLength(0);
    });

    it('names the configured acquirers when asked for another', async () => {
      sut = await start(twoAcquirers('unknown', false));

      await expect(sut.sendTo('c-unknown', purchase('000001'))).rejects.toThrow(new UnknownAcquirerError('c-unknown', ['a-unknown', 'b-unknown']));
      await expect(sut.nextReferenceFor('c-unknown', AT)).rejects.toThrow('acquirer "c-unknown" is not configured (configured: a-unknown, b-unknown)');
      expect(() => sut.linkState('c-unknown')).toThrow(UnknownAcquirerError);
    });

    it('refuses a card no route takes, naming its BIN but not its PAN', async () => {
      sut = await start(twoAcquirers('noroute', false));

      expect(() => sut.route({ pan: '6011111111111117' })).toThrow(NoAcquirerRouteError);
      expect(() => sut.route({ pan: '6011111111111117' })).toThrow(/BIN 601111 /);
      expect(() => sut.route({ pan: '6011111111111117' })).not.toThrow(/6011111111111117/);
    });
  });

  describe('link metrics', () => {
    it('shows the current state of each link as host_link_state and host_link_up', async () => {
      bankB.refuseSignOn('91');
      sut = await start(twoAcquirers('metrics'));
      await until(() => sut.linkState('a-metrics') === 'up');

      expect(await metricValue('host_link_state', { acquirer: 'a-metrics', state: 'up' })).toBe(1);
      expect(await metricValue('host_link_state', { acquirer: 'a-metrics', state: 'down' })).toBe(0);
      expect(await metricValue('host_link_up', { acquirer: 'a-metrics' })).toBe(1);
      await expect(sut.sendTo('b-metrics', purchase('000001'))).rejects.toBeInstanceOf(HostLinkDownError);
      expect(await metricValue('host_link_up', { acquirer: 'b-metrics' })).toBe(0);
    });

    it('times each exchange per acquirer as host_link_round_trip_seconds, answered apart from timed out', async () => {
      sut = await start(twoAcquirers('roundtrip', false));
      await until(() => sut.linkState('a-roundtrip') === 'up');
      await sut.sendTo('a-roundtrip', purchase('000001'));
      bankA.setDefault({ kind: 'delay', ms: 400, then: { kind: 'approve' } });
      await expect(sut.sendTo('a-roundtrip', purchase('000002'))).rejects.toThrow(/no response .* within 300 ms/);

      expect(await scrapedSample('host_link_round_trip_seconds_count', { acquirer: 'a-roundtrip', outcome: 'answered' })).toBe(1);
      expect(await scrapedSample('host_link_round_trip_seconds_count', { acquirer: 'a-roundtrip', outcome: 'timeout' })).toBe(1);
      // The timed-out exchange waited the 300 ms response timeout, no less.
      expect(await scrapedSample('host_link_round_trip_seconds_bucket', { acquirer: 'a-roundtrip', outcome: 'timeout', le: '0.25' })).toBe(0);
      expect(await scrapedSample('host_link_round_trip_seconds_bucket', { acquirer: 'a-roundtrip', outcome: 'timeout', le: '0.5' })).toBe(1);
    });

    it('counts reconnects after the link is lost', async () => {
      sut = await start(twoAcquirers('reconnect', false));
      await until(() => sut.linkState('a-reconnect') === 'up');
      expect(await metricValue('host_link_reconnects_total', { acquirer: 'a-reconnect' })).toBe(0);
      bankA.setDefault({ kind: 'drop' });

      await expect(sut.sendTo('a-reconnect', purchase('000001'))).rejects.toBeInstanceOf(HostLinkDownError);
      bankA.setDefault({ kind: 'approve' });
      await until(() => sut.linkState('a-reconnect') === 'up');

      expect(await metricValue('host_link_reconnects_total', { acquirer: 'a-reconnect' })).toBe(1);
    });
  });

  it('signs off once per link when shutdown runs twice (SIGTERM handler and Nest shutdown hook)', async () => {
    sut = await start({
      AUTHORIZATION_ACQUIRER_PORT: String(bankA.port),
      AUTHORIZATION_ACQUIRER_SIGN_ON: 'true',
      AUTHORIZATION_ACQUIRER_CONNECTIONS: '2',
      AUTHORIZATION_ACQUIRER_ECHO_INTERVAL_MS: '0',
    });
    await until(() => sut.linkStates().every((state) => state === 'up'));

    await Promise.all([sut.onApplicationShutdown(), sut.onApplicationShutdown()]);

    expect(bankA.received.map((m) => m.fields[70])).toEqual(['001', '001', '002', '002']);
    expect(bankA.connections).toBe(2);
    expect(sut.linkStates()).toEqual(['down', 'down']);
  });

  it("sends DE 12/13 in the terminal's local time: the merchant's zone, else the acquirer's", async () => {
    const config = JSON.parse(twoAcquirers('zone', false).AUTHORIZATION_ACQUIRERS) as { acquirers: Record<string, unknown>[]; merchantTimeZones?: object };
    config.acquirers[0].timeZone = 'Asia/Bishkek';
    config.merchantTimeZones = { 'SHOP-B-001': 'Europe/Berlin' };
    sut = await start({ AUTHORIZATION_ACQUIRERS: JSON.stringify(config) });
    // Built at 18:30:05 UTC on 21 November: 00:30:05 on the 22nd in Bishkek, 19:30:05 on the 21st in Berlin.
    const at = (merchantId: string): Iso8583Message => ({ mti: '0200', fields: { ...purchase('000001').fields, 7: '1121183005', 42: merchantId.padEnd(15) } });

    await sut.sendTo('a-zone', at('MERCHANT0000001'));
    await sut.sendTo('a-zone', { ...at('SHOP-B-001'), fields: { ...at('SHOP-B-001').fields, 11: '000002' } });

    expect(bankA.received.map((m) => [m.fields[7], m.fields[12], m.fields[13]])).toEqual([
      ['1121183005', '003005', '1122'],
      ['1121183005', '193005', '1121'],
    ]);
  });

  it('signs off from every acquirer that signed on when the application shuts down', async () => {
    sut = await start(twoAcquirers('signoff'));
    await until(() => sut.linkState('b-signoff') === 'up');

    await sut.onApplicationShutdown();

    expect(bankB.received.map((m) => m.fields[70])).toEqual(['001', '002']);
    expect(sut.linkState('b-signoff')).toBe('down');
  });
});
