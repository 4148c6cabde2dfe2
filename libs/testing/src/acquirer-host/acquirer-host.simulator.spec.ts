import { connect, type Socket } from 'node:net';

import { encryptPinBlockFormat0, hexToBytes, TEST_ZONE_PIN_KEY } from '@payments/crypto';
import { frame, FrameDecoder, Iso8583Codec, type Iso8583Message, ZONE_PIN_FORMAT0_SECURITY_CONTROL } from '@payments/iso8583';

import { AcquirerHostSimulator } from './acquirer-host.simulator';

const codec = Iso8583Codec.forSpec('iso87ascii');

/** A bare TCP client: sends framed messages, collects responses, notices when the host closes. */
class RawClient {
  readonly responses: Iso8583Message[] = [];
  closed = false;
  private waiters: (() => void)[] = [];

  private constructor(private readonly socket: Socket) {
    const decoder = new FrameDecoder('binary2');
    socket.on('data', (chunk: Buffer) => {
      for (const bytes of decoder.push(chunk)) this.responses.push(codec.decode(bytes));
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  static open(port: number): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new RawClient(socket)));
      socket.once('error', reject);
    });
  }

  send(message: Iso8583Message): void {
    this.socket.write(frame(codec.encode(message)));
  }

  sendRaw(bytes: Buffer): void {
    this.socket.write(frame(bytes));
  }

  /** Resolves when `count` responses arrived or the connection closed; rejects after `ms`. */
  async waitFor(count: number, ms = 1_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (this.responses.length < count && !this.closed) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`only ${this.responses.length} of ${count} responses after ${ms} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  destroy(): void {
    this.socket.destroy();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

function purchase(amount: string, stan = '000001', extra: Record<number, string> = {}): Iso8583Message {
  return {
    mti: '0200',
    fields: {
      2: '4761739001010119',
      3: '000000',
      4: amount,
      7: '1122054730',
      11: stan,
      12: '054730',
      13: '1122',
      22: '051',
      41: 'TERM0001',
      42: 'MERCHANT0000001',
      49: '417',
      ...extra,
    },
  };
}

describe(AcquirerHostSimulator.name, () => {
  const sut = new AcquirerHostSimulator();
  let client: RawClient;

  beforeAll(async () => {
    await sut.start();
  });
  afterAll(async () => {
    await sut.stop();
  });
  beforeEach(async () => {
    sut.reset();
    client = await RawClient.open(sut.port);
  });
  afterEach(() => client.destroy());

  it('approves a 0200 with a 0210 that echoes the request and adds RRN, approval code and 00', async () => {
    const request = purchase('000000001234');
    client.send(request);
    await client.waitFor(1);

    const [response] = client.responses;
    expect(response.mti).toBe('0210');
    for (const n of [2, 3, 4, 7, 11, 12, 13, 22, 41, 42, 49]) expect(response.fields[n]).toBe(request.fields[n]);
    expect(response.fields[39]).toBe('00');
    expect(response.fields[38]).toMatch(/^[0-9]{6}$/);
    expect(response.fields[37]).toMatch(/^[0-9]{12}$/);
    expect(sut.received).toEqual([request]);
  });

  it('answers a balance inquiry with the available balance in DE 54, in the currency asked', async () => {
    sut.balanceMinor = -2500;
    client.send({ mti: '0100', fields: { ...purchase('000000000000').fields, 3: '310000' } });
    await client.waitFor(1);

    expect(client.responses[0].fields).toMatchObject({ 39: '00', 54: '0002417D000000002500' });
  });

  it('approves part of the amount when told to: DE 39 10, the approved amount in DE 4, an approval code', async () => {
    sut.addRule(() => ({ kind: 'partial', approvedMinor: 700 }));
    client.send(purchase('000000001000'));
    await client.waitFor(1);

    expect(client.responses[0].fields).toMatchObject({ 4: '000000000700', 39: '10', 38: expect.stringMatching(/^[0-9]{6}$/) });
    expect(client.responses[0].fields[54]).toBeUndefined();
  });

  it('keeps the RRN the request carries', async () => {
    client.send(purchase('000000001234', '000002', { 37: '632605000042' }));
    await client.waitFor(1);

    expect(client.responses[0].fields[37]).toBe('632605000042');
  });

  it.each([
    ['000000001051', '51'],
    ['000000001005', '05'],
  ])('declines magic amount %s with response code %s and no approval code', async (amount, code) => {
    client.send(purchase(amount));
    await client.waitFor(1);

    expect(client.responses[0].fields[39]).toBe(code);
    expect(client.responses[0].fields[38]).toBeUndefined();
  });

  it('stays silent for magic amount ending in 91 but records the request', async () => {
    client.send(purchase('000000001091'));

    await expect(client.waitFor(1, 300)).rejects.toThrow(/only 0 of 1/);
    expect(sut.received).toHaveLength(1);
  });

  it.each([
    ['0100', '0110'],
    ['0400', '0410'],
    ['0420', '0430'],
    ['0800', '0810'],
  ])('answers %s with %s and response code 00', async (mti, expected) => {
    const fields: Record<number, string> =
      mti === '0800' ? { 7: '1122054730', 11: '000009', 70: '301' } : { ...purchase('000000001051').fields, 90: '020000000111220547300000000000000000000000' };
    client.send({ mti, fields });
    await client.waitFor(1);

    const [response] = client.responses;
    expect(response.mti).toBe(expected);
    expect(response.fields[11]).toBe(fields[11]);
    expect(response.fields[39]).toBe(mti === '0100' ? '51' : '00');
    if (mti === '0800') expect(response.fields[70]).toBe('301');
    if (mti.startsWith('04')) expect(response.fields[90]).toBe(fields[90]);
  });

  it('lets an added rule override the magic amounts and the default', async () => {
    sut.setDefault({ kind: 'decline', responseCode: '96' });
    sut.addRule((msg) => (msg.fields[11] === '000007' ? { kind: 'approve' } : undefined));
    client.send(purchase('000000001051', '000007'));
    client.send(purchase('000000001000', '000008'));
    await client.waitFor(2);

    const codes = Object.fromEntries(client.responses.map((r) => [r.fields[11], r.fields[39]]));
    expect(codes).toEqual({ '000007': '00', '000008': '96' });
  });

  it('delays the answer by the given time', async () => {
    sut.setDefault({ kind: 'delay', ms: 150, then: { kind: 'approve' } });
    const started = Date.now();
    client.send(purchase('000000001234'));
    await client.waitFor(1);

    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(client.responses[0].fields[39]).toBe('00');
  });

  it('drops the connection without answering', async () => {
    sut.setDefault({ kind: 'drop' });
    client.send(purchase('000000001234'));
    await client.waitFor(1);

    expect(client.closed).toBe(true);
    expect(client.responses).toHaveLength(0);
  });

  it('ignores a malformed frame and keeps serving the connection', async () => {
    client.sendRaw(Buffer.from('02007000000000000000XX', 'latin1'));
    client.send(purchase('000000001234'));
    await client.waitFor(1);

    expect(sut.malformed).toBe(1);
    expect(client.responses[0].fields[39]).toBe('00');
  });

  const network = (code: string, stan: string): Iso8583Message => ({ mti: '0800', fields: { 7: '1122054730', 11: stan, 70: code } });

  it('answers sign-on, sign-off and echo with 0810, DE 39 00, echoing DE 7, 11 and 70', async () => {
    client.send(network('001', '000021'));
    client.send(network('301', '000022'));
    client.send(network('002', '000023'));
    await client.waitFor(3);

    expect(client.responses).toEqual([
      { mti: '0810', fields: { 7: '1122054730', 11: '000021', 39: '00', 70: '001' } },
      { mti: '0810', fields: { 7: '1122054730', 11: '000022', 39: '00', 70: '301' } },
      { mti: '0810', fields: { 7: '1122054730', 11: '000023', 39: '00', 70: '002' } },
    ]);
  });

  it('refuses sign-on with the given response code when told to, and still answers echoes', async () => {
    sut.refuseSignOn('91');
    client.send(network('001', '000031'));
    client.send(network('301', '000032'));
    await client.waitFor(2);

    expect(client.responses.map((r) => [r.fields[70], r.fields[39]])).toEqual([
      ['001', '91'],
      ['301', '00'],
    ]);
  });

  it('leaves echoes unanswered when told to ignore them, but not sign-on', async () => {
    sut.ignoreEchoes();
    client.send(network('301', '000041'));
    client.send(network('001', '000042'));
    await client.waitFor(1);
    await expect(client.waitFor(2, 200)).rejects.toThrow(/only 1 of 2/);

    expect(client.responses[0].fields[11]).toBe('000042');
  });

  it('leaves sign-on unanswered when told to ignore it', async () => {
    sut.ignoreSignOn();
    client.send(network('001', '000051'));

    await expect(client.waitFor(1, 200)).rejects.toThrow(/only 0 of 1/);
  });

  it('counts accepted connections since the last reset', async () => {
    const second = await RawClient.open(sut.port);
    second.send(network('301', '000061'));
    await second.waitFor(1);
    second.destroy();

    expect(sut.connections).toBe(2);
  });

  it('verifies the PIN of DE 52 over the wire: 55 to a wrong PIN, 00 to the right one', async () => {
    const zpk = hexToBytes(TEST_ZONE_PIN_KEY, 'zpk');
    const withPin = (pin: string, stan: string): Iso8583Message =>
      purchase('000000001000', stan, { 52: encryptPinBlockFormat0(zpk, pin, '4761739001010119').toString('hex'), 53: ZONE_PIN_FORMAT0_SECURITY_CONTROL });
    client.send(withPin('9999', '000001'));
    client.send(withPin('1234', '000002'));
    await client.waitFor(2);
    const byStan = new Map(client.responses.map((response) => [response.fields[11], response.fields[39]]));
    expect(byStan).toEqual(
      new Map([
        ['000001', '55'],
        ['000002', '00'],
      ]),
    );
  });

  it('reset forgets received requests and rules', async () => {
    sut.addRule(() => ({ kind: 'silent' }));
    client.send(purchase('000000001234'));
    await expect(client.waitFor(1, 100)).rejects.toThrow();

    sut.reset();
    client.send(purchase('000000001234', '000002'));
    await client.waitFor(1);

    expect(sut.received.map((m) => m.fields[11])).toEqual(['000002']);
  });

  it('reset answers sign-on and echo again', async () => {
    sut.refuseSignOn('05');
    sut.ignoreEchoes();
    sut.reset();
    client.send(network('001', '000071'));
    client.send(network('301', '000072'));
    await client.waitFor(2);

    expect(client.responses.map((r) => r.fields[39])).toEqual(['00', '00']);
  });
});
