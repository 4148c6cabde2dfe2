import { ANSI_TEST_BDK, CardDataDecryptor, InMemoryBdkStore } from '@payments/crypto';

import { PinPadClient } from '../link/pinpad.client';
import { PinPadSimulator } from '../simulator/pinpad.simulator';
import { FAST_LINK, MAGSTRIPE_CARD, OPAQUE_PIN_BLOCK, recordingPinEncryptor, simulatorConfigOf, TEST_BDK_ID, TEST_PIN } from '../testing';
import { connectPinPadOverTcp, ListeningPinPad, listenPinPadOverTcp } from './tcp.transport';

const decryptor = new CardDataDecryptor(InMemoryBdkStore.fromConfig(`${TEST_BDK_ID}:${ANSI_TEST_BDK}`));

describe('PIN pad over TCP (real sockets on 127.0.0.1)', () => {
  const opened: { pad: ListeningPinPad; client: PinPadClient }[] = [];

  async function padAndClient(overrides: Parameters<typeof simulatorConfigOf>[0] = {}): Promise<{ pad: ListeningPinPad; client: PinPadClient }> {
    const pad = await listenPinPadOverTcp(new PinPadSimulator(simulatorConfigOf(overrides)), 0, FAST_LINK);
    const client = await connectPinPadOverTcp(pad.host, pad.port, FAST_LINK);
    opened.push({ pad, client });
    return { pad, client };
  }

  afterEach(async () => {
    for (const { pad, client } of opened.splice(0)) {
      client.close();
      await pad.close();
    }
  });

  it('listens on loopback only and serves display, device information, a card read and a PIN entry', async () => {
    const encryptor = recordingPinEncryptor();
    const { pad, client } = await padAndClient({ keysTyped: `${TEST_PIN}E`, encryptPin: encryptor.encryptPin });
    expect(pad.host).toBe('127.0.0.1');
    await expect(client.display(['TOTAL 15.00 EUR'])).resolves.toEqual({ command: 'display' });
    await expect(client.deviceInfo()).resolves.toMatchObject({ serialNumber: 'PP-000123', bdkId: TEST_BDK_ID, ksn: 'FFFF9876543210E00001' });
    const read = await client.readCard('SWIPE', ['magstripe'], 2_000);
    expect(decryptor.decrypt(read.card)).toEqual(MAGSTRIPE_CARD.track2);
    const pin = await client.enterPin({ prompt: 'PIN', minDigits: 4, maxDigits: 12, timeoutMs: 2_000 });
    expect(Object.keys(pin).sort()).toEqual(['command', 'ksn', 'pinBlock']);
    expect(pin.pinBlock).toBe(OPAQUE_PIN_BLOCK.toString('hex').toUpperCase());
    expect(encryptor.calls.map((c) => c.pin)).toEqual([TEST_PIN]);
  });

  it('a pad gone silent: the command fails with no-ack within the retransmissions', async () => {
    const { client } = await padAndClient({ faults: { silentAfterFrames: 0 } });
    const started = Date.now();
    await expect(client.status()).rejects.toMatchObject({ name: 'PinPadLinkError', reason: 'no-ack', message: expect.stringContaining('after 3 sends') });
    // Three ACK timeouts of 150 ms went by; the upper bound only says it ends (a loaded CI machine).
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 150 - 10);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a pad that acknowledges but answers too late: the command fails with a timeout naming it', async () => {
    const pad = await listenPinPadOverTcp(new PinPadSimulator(simulatorConfigOf({ faults: { answerDelayMs: 1_000 } })), 0, FAST_LINK);
    const client = await connectPinPadOverTcp(pad.host, pad.port, { ...FAST_LINK, answerTimeoutMs: 150 });
    opened.push({ pad, client });
    await expect(client.deviceInfo()).rejects.toMatchObject({ name: 'PinPadTimeoutError', message: 'no answer to device-info within 150 ms' });
  });

  it('a pad that starts sending garbage mid-operation: the card read fails with garbage', async () => {
    const { client } = await padAndClient({ faults: { garbageAfterFrames: 2 } });
    await client.display(['ONE']);
    await expect(client.readCard('CARD', ['magstripe'], 2_000)).rejects.toMatchObject({ name: 'PinPadLinkError', reason: 'garbage' });
  });

  it('a pad unplugged while the cardholder is asked for a card: the read fails with line-closed', async () => {
    const { pad, client } = await padAndClient({ card: undefined });
    const read = client.readCard('CARD', ['chip'], 30_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await pad.close();
    await expect(read).rejects.toMatchObject({ name: 'PinPadLinkError', reason: 'line-closed' });
  });

  it('no pad at the address: connecting fails with line-closed', async () => {
    const { pad } = await padAndClient();
    await pad.close();
    await expect(connectPinPadOverTcp(pad.host, pad.port)).rejects.toMatchObject({ name: 'PinPadLinkError', reason: 'line-closed' });
  });
});
