import { Iso8583FormatError, type Iso8583Message } from '@payments/iso8583';
import { AcquirerHostSimulator } from '@payments/testing';

import { HostLink } from './host-link';
import { HostLinkDownError, HostLinkError, HostTimeoutError } from './host-link.errors';
import type { HostLinkOptions } from './host-link.options';

function purchase(stan: string, amount = '000000001234'): Iso8583Message {
  return {
    mti: '0200',
    fields: { 2: '4761739001010119', 3: '000000', 4: amount, 7: '1122054730', 11: stan, 22: '051', 41: 'TERM0001', 42: 'MERCHANT0000001', 49: '417' },
  };
}

async function until(condition: () => boolean, ms = 2_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe(HostLink.name, () => {
  const host = new AcquirerHostSimulator();
  let sut: HostLink;
  let unmatched: Iso8583Message[];

  function link(overrides: Partial<HostLinkOptions> = {}): HostLink {
    return new HostLink({
      host: '127.0.0.1',
      port: host.port,
      spec: 'iso87ascii',
      header: 'binary2',
      responseTimeoutMs: 300,
      connectTimeoutMs: 500,
      onUnmatchedResponse: (response) => unmatched.push(response),
      ...overrides,
    });
  }

  beforeAll(async () => {
    await host.start();
  });
  afterAll(async () => {
    await host.stop();
  });
  beforeEach(async () => {
    host.reset();
    unmatched = [];
    sut = link();
    await sut.connect();
  });
  afterEach(async () => {
    await sut.close();
  });

  it('gets an approval (0210, response code 00, approval code) for a 0200', async () => {
    const response = await sut.send(purchase('000001'));

    expect(response.mti).toBe('0210');
    expect(response.fields[11]).toBe('000001');
    expect(response.fields[39]).toBe('00');
    expect(response.fields[38]).toMatch(/^[0-9]{6}$/);
    expect(sut.state()).toBe('up');
  });

  it('passes a decline 51 through as the host sent it', async () => {
    const response = await sut.send(purchase('000002', '000000001051'));

    expect(response.fields[39]).toBe('51');
  });

  it('rejects with HostTimeoutError when the answer comes after the timeout, and reports the late answer', async () => {
    host.setDefault({ kind: 'delay', ms: 500, then: { kind: 'approve' } });

    await expect(sut.send(purchase('000003'))).rejects.toBeInstanceOf(HostTimeoutError);
    await until(() => unmatched.length === 1);
    expect(unmatched[0].fields[11]).toBe('000003');
  });

  it('rejects with HostTimeoutError when the host stays silent', async () => {
    const started = Date.now();

    await expect(sut.send(purchase('000004', '000000001091'))).rejects.toThrow(/STAN 000004 within 300 ms/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(sut.state()).toBe('up');
  });

  it('rejects in-flight requests with HostLinkDownError when the host drops, then reconnects for a later send', async () => {
    host.setDefault({ kind: 'drop' });

    await expect(sut.send(purchase('000005'))).rejects.toBeInstanceOf(HostLinkDownError);
    host.setDefault({ kind: 'approve' });
    const response = await sut.send(purchase('000006'));

    expect(response.fields[39]).toBe('00');
    expect(sut.state()).toBe('up');
  });

  it('reconnects in the background after a drop, without a send', async () => {
    host.setDefault({ kind: 'drop' });
    await expect(sut.send(purchase('000007'))).rejects.toBeInstanceOf(HostLinkDownError);

    await until(() => sut.state() === 'up');
  });

  it('matches 50 concurrent requests answered out of order on one connection', async () => {
    // Each answer is delayed by a different amount so responses come back shuffled.
    host.addRule((msg) => ({ kind: 'delay', ms: (Number(msg.fields[11]) * 37) % 100, then: { kind: 'approve' } }));
    const requests = Array.from({ length: 50 }, (_, i) => purchase((100 + i).toString().padStart(6, '0'), (5000 + i).toString().padStart(12, '0')));

    const responses = await Promise.all(requests.map((r) => sut.send(r)));

    responses.forEach((response, i) => {
      expect(response.fields[11]).toBe(requests[i].fields[11]);
      expect(response.fields[4]).toBe(requests[i].fields[4]);
    });
    expect(host.received).toHaveLength(50);
  });

  it('refuses a second request with the same STAN and class while the first is in flight', async () => {
    host.setDefault({ kind: 'delay', ms: 50, then: { kind: 'approve' } });
    const first = sut.send(purchase('000008'));

    await expect(sut.send(purchase('000008'))).rejects.toBeInstanceOf(HostLinkError);
    await expect(first).resolves.toMatchObject({ mti: '0210' });
  });

  it('refuses a request without a 6-digit STAN, naming field 11', async () => {
    const request = purchase('000009');
    delete request.fields[11];

    await expect(sut.send(request)).rejects.toMatchObject({ constructor: Iso8583FormatError, field: 11 });
  });

  it('close waits for in-flight requests, then refuses new ones', async () => {
    host.setDefault({ kind: 'delay', ms: 100, then: { kind: 'approve' } });
    const inFlight = sut.send(purchase('000010'));

    await sut.close();

    await expect(inFlight).resolves.toMatchObject({ mti: '0210' });
    await expect(sut.send(purchase('000011'))).rejects.toThrow(/closed/);
    expect(sut.state()).toBe('down');
  });

  it('fails fast with HostLinkDownError while the host refuses connections, then backs off', async () => {
    const gone = new AcquirerHostSimulator();
    const { port } = await gone.start();
    await gone.stop();
    const down = link({ port, reconnectBackoff: { initialMs: 1_000, maxMs: 2_000 } });

    await expect(down.connect()).rejects.toThrow(/cannot connect.*ECONNREFUSED/);
    await expect(down.send(purchase('000012'))).rejects.toThrow(/next reconnect attempt in \d+ ms/);
    expect(down.state()).toBe('down');
    await down.close();
  });
});
