import type { Iso8583Message } from '@payments/iso8583';
import { AcquirerHostSimulator } from '@payments/testing';

import { HostLink } from './host-link';
import { HostLinkDownError, HostLinkError, HostTimeoutError } from './host-link.errors';
import type { HostLinkOptions, HostLinkState } from './host-link.options';

function purchase(stan: string): Iso8583Message {
  return {
    mti: '0200',
    fields: { 2: '4761739001010119', 3: '000000', 4: '000000001234', 7: '1122054730', 11: stan, 22: '051', 41: 'TERM0001', 42: 'MERCHANT0000001', 49: '417' },
  };
}

async function until(condition: () => boolean, ms = 2_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe(`${HostLink.name} network management (0800, DE 70)`, () => {
  const host = new AcquirerHostSimulator();
  let sut: HostLink;
  let states: HostLinkState[];

  const networkRequests = (code: string): Iso8583Message[] => host.received.filter((m) => m.mti === '0800' && m.fields[70] === code);

  function link(overrides: Partial<HostLinkOptions> = {}): HostLink {
    return new HostLink({
      host: '127.0.0.1',
      port: host.port,
      responseTimeoutMs: 200,
      connectTimeoutMs: 500,
      signOn: true,
      reconnectBackoff: { initialMs: 50, maxMs: 200 },
      onStateChange: (state) => states.push(state),
      ...overrides,
    });
  }

  beforeAll(async () => {
    await host.start();
  });
  afterAll(async () => {
    await host.stop();
  });
  beforeEach(() => {
    host.reset();
    states = [];
  });
  afterEach(async () => {
    await sut.close();
  });

  describe('sign-on', () => {
    it('signs on (DE 70 001, with DE 7 and DE 11) before it reports up and sends the first request', async () => {
      sut = link();

      const response = await sut.send(purchase('000101'));

      expect(response.fields[39]).toBe('00');
      expect(host.received.map((m) => [m.mti, m.fields[70]])).toEqual([
        ['0800', '001'],
        ['0200', undefined],
      ]);
      expect(host.received[0].fields[7]).toMatch(/^[0-9]{10}$/);
      expect(host.received[0].fields[11]).toMatch(/^[0-9]{6}$/);
      expect(states).toEqual(['connecting', 'signing_on', 'up']);
    });

    it('holds a request sent while signing on until the 0810 arrives', async () => {
      host.addRule((m) => (m.fields[70] === '001' ? { kind: 'delay', ms: 100, then: { kind: 'approve' } } : undefined));
      sut = link();
      void sut.connect().catch(() => undefined);
      await until(() => sut.state() === 'signing_on');

      const response = await sut.send(purchase('000102'));

      expect(response.mti).toBe('0210');
      expect(host.received.map((m) => m.mti)).toEqual(['0800', '0200']);
    });

    it('fails the attempt when the host refuses sign-on, sends nothing else, then backs off and retries', async () => {
      host.refuseSignOn('91');
      sut = link({ reconnectBackoff: { initialMs: 300, maxMs: 300 } });

      await expect(sut.connect()).rejects.toThrow(/cannot sign on to the acquirer host: refused with response code 91/);
      await expect(sut.send(purchase('000103'))).rejects.toThrow(/next reconnect attempt in \d+ ms/);
      expect(sut.state()).toBe('down');
      expect(host.received.map((m) => m.mti)).toEqual(['0800']);

      host.reset();
      await until(() => sut.state() === 'up');
      expect(networkRequests('001')).toHaveLength(1);
      expect(host.connections).toBe(1);
    });

    it('fails the attempt with HostLinkDownError when sign-on gets no answer in time', async () => {
      host.ignoreSignOn();
      sut = link();
      const started = Date.now();

      await expect(sut.connect()).rejects.toThrow(HostLinkDownError);
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
      expect(states).toEqual(['connecting', 'signing_on', 'down']);
    });

    it('signs on again after the connection is lost', async () => {
      sut = link();
      await sut.connect();
      host.setDefault({ kind: 'drop' });
      await expect(sut.send(purchase('000104'))).rejects.toBeInstanceOf(HostLinkDownError);
      host.setDefault({ kind: 'approve' });

      await until(() => sut.state() === 'up');

      expect(networkRequests('001')).toHaveLength(2);
    });

    it('takes the STANs of its 0800s from the acquirer sequence it is given', async () => {
      sut = link({ nextStan: () => Promise.resolve('004711') });

      await sut.connect();

      expect(networkRequests('001')[0].fields[11]).toBe('004711');
    });

    it('does not sign on unless asked to', async () => {
      sut = link({ signOn: false });

      await sut.send(purchase('000105'));

      expect(host.received.map((m) => m.mti)).toEqual(['0200']);
      expect(states).toEqual(['connecting', 'up']);
    });
  });

  describe('sign-off', () => {
    it('signs off (DE 70 002) when closed', async () => {
      sut = link();
      await sut.connect();

      await sut.close();

      expect(networkRequests('002')).toHaveLength(1);
      expect(sut.state()).toBe('down');
    });

    it('signs off once when closed twice at the same time (a SIGTERM handler and the shutdown hook)', async () => {
      sut = link();
      await sut.connect();

      await Promise.all([sut.close(), sut.close()]);
      await sut.close();

      expect(networkRequests('002')).toHaveLength(1);
      expect(host.received.filter((m) => m.mti === '0800').map((m) => m.fields[70])).toEqual(['001', '002']);
    });

    it('closes within the bound even when the host ignores the sign-off', async () => {
      host.addRule((m) => (m.fields[70] === '002' ? { kind: 'silent' } : undefined));
      sut = link();
      await sut.connect();
      const started = Date.now();

      await sut.close();

      expect(Date.now() - started).toBeLessThan(400);
      expect(sut.state()).toBe('down');
    });
  });

  describe('echo', () => {
    it('answers a connection check with the round-trip time of an echo test (DE 70 301)', async () => {
      sut = link({ signOn: false });

      const result = await sut.echo();

      expect(result.latencyMs).toBeGreaterThanOrEqual(0);
      expect(result.latencyMs).toBeLessThan(200);
      expect(networkRequests('301')).toHaveLength(1);
    });

    it('rejects an unanswered echo with HostTimeoutError, then drops and re-establishes the link', async () => {
      sut = link();
      await sut.connect();
      host.ignoreEchoes();

      await expect(sut.echo()).rejects.toBeInstanceOf(HostTimeoutError);

      await until(() => host.connections === 2 && sut.state() === 'up');
      expect(states).toEqual(['connecting', 'signing_on', 'up', 'down', 'connecting', 'signing_on', 'up']);
    });

    it('rejects a refused echo with HostLinkError naming the response code, keeping the link', async () => {
      host.addRule((m) => (m.fields[70] === '301' ? { kind: 'decline', responseCode: '96' } : undefined));
      sut = link({ signOn: false });

      await expect(sut.echo()).rejects.toThrow(new HostLinkError('the acquirer host answered the echo test with response code 96'));
      expect(sut.state()).toBe('up');
    });

    it('rejects with HostLinkDownError when the host cannot be reached', async () => {
      const gone = new AcquirerHostSimulator();
      const { port } = await gone.start();
      await gone.stop();
      sut = link({ port });

      await expect(sut.echo()).rejects.toBeInstanceOf(HostLinkDownError);
    });

    it('sends keep-alive echoes while the link is idle', async () => {
      sut = link({ signOn: false, echoIntervalMs: 100 });
      await sut.connect();

      await until(() => networkRequests('301').length >= 2, 1_000);

      expect(sut.state()).toBe('up');
    });

    it('sends no keep-alive echo while requests keep the link busy', async () => {
      sut = link({ signOn: false, echoIntervalMs: 150 });
      await sut.connect();

      for (let i = 0; i < 8; i++) {
        await sut.send(purchase(String(200 + i).padStart(6, '0')));
        await sleep(40);
      }

      expect(networkRequests('301')).toHaveLength(0);
    });

    it('drops and reconnects the link when a keep-alive echo goes unanswered', async () => {
      host.ignoreEchoes();
      sut = link({ echoIntervalMs: 100 });
      await sut.connect();

      await until(() => host.connections >= 2 && sut.state() === 'up', 2_000);

      expect(states.slice(0, 4)).toEqual(['connecting', 'signing_on', 'up', 'down']);
      expect(networkRequests('001').length).toBeGreaterThanOrEqual(2);
    });
  });
});
