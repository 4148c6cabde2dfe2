import { ANSI_TEST_BDK, CardDataDecryptor, InMemoryBdkStore } from '@payments/crypto';

import type { SerialPort } from 'serialport';

import { PinPadClient } from '../link/pinpad.client';
import { PinPadLinkError } from '../link/pinpad-link.error';
import { PinPadSimulator } from '../simulator/pinpad.simulator';
import { CHIP_CARD, FAST_LINK, OPAQUE_PIN_BLOCK, RawLinePeer, recordingPinEncryptor, simulatorConfigOf, TEST_BDK_ID, TEST_PIN } from '../testing';
import { openPtyPair, PtyPair } from './pty-pair';
import { openPinPadOverSerial, openSerialLine, servePinPadOverSerial } from './serial.transport';

const decryptor = new CardDataDecryptor(InMemoryBdkStore.fromConfig(`${TEST_BDK_ID}:${ANSI_TEST_BDK}`));

/** A serial cable in software: socat's pty pair, serialport on both ends. */
describe('PIN pad over a serial line (socat pty pair, serialport on both ends)', () => {
  const opened: { pair: PtyPair; padLine: SerialPort; client: PinPadClient }[] = [];

  async function padAndClient(overrides: Parameters<typeof simulatorConfigOf>[0] = {}): Promise<{ pair: PtyPair; client: PinPadClient }> {
    const pair = await openPtyPair();
    const padLine = await openSerialLine(pair.ends[0]);
    new PinPadSimulator(simulatorConfigOf(overrides)).attach(padLine, FAST_LINK);
    const client = await openPinPadOverSerial(pair.ends[1], FAST_LINK);
    opened.push({ pair, padLine, client });
    return { pair, client };
  }

  afterEach(async () => {
    for (const { pair, padLine, client } of opened.splice(0)) {
      client.close();
      // The pad's port too: left open, its poller would keep the process up until it saw the pty go.
      if (padLine.isOpen) await new Promise<void>((resolve) => padLine.close(() => resolve()));
      await pair.close();
    }
  });

  it('serves display, device information, a chip read and a PIN entry over /dev/pts', async () => {
    const encryptor = recordingPinEncryptor();
    const { pair, client } = await padAndClient({ card: CHIP_CARD, keysTyped: `${TEST_PIN}E`, encryptPin: encryptor.encryptPin });
    expect(pair.ends[1]).toMatch(/^\/dev\/pts\/\d+$/);
    await expect(client.display(['INSERT CARD'])).resolves.toEqual({ command: 'display' });
    await expect(client.deviceInfo()).resolves.toMatchObject({ serialNumber: 'PP-000123', bdkId: TEST_BDK_ID });
    const read = await client.readCard('INSERT', ['chip', 'contactless'], 2_000);
    expect(read.entryMode).toBe('chip');
    expect(decryptor.decrypt(read.card)).toEqual(CHIP_CARD.track2);
    const pin = await client.enterPin({ prompt: 'PIN', minDigits: 4, maxDigits: 12, timeoutMs: 2_000 });
    expect(pin).toEqual({ command: 'pin-entry', pinBlock: OPAQUE_PIN_BLOCK.toString('hex').toUpperCase(), ksn: 'FFFF9876543210E00002' });
    expect(encryptor.calls).toEqual([{ pin: TEST_PIN, pan: CHIP_CARD.track2.pan, ksn: 'FFFF9876543210E00002' }]);
  });

  it('a pad gone silent: the command fails with no-ack within the retransmissions', async () => {
    const { client } = await padAndClient({ faults: { silentAfterFrames: 1 } });
    await client.display(['ONE']);
    await expect(client.display(['TWO'])).rejects.toMatchObject({ name: 'PinPadLinkError', reason: 'no-ack' });
  });

  it('a pad that answers with a wrong check byte once: NAKed, sent again, the read succeeds', async () => {
    const { client } = await padAndClient({ faults: { badCheckByteAfterFrames: 1 } });
    const read = await client.readCard('SWIPE', ['magstripe'], 2_000);
    expect(decryptor.decrypt(read.card).pan).toBe('4111111111111111');
  });

  it('the cable pulled (socat killed) during PIN entry: the entry fails with line-closed', async () => {
    const { pair, client } = await padAndClient();
    await client.readCard('SWIPE', ['magstripe'], 2_000);
    const pin = client.enterPin({ prompt: 'PIN', minDigits: 4, maxDigits: 12, timeoutMs: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await pair.close();
    await expect(pin).rejects.toMatchObject({ name: 'PinPadLinkError', reason: 'line-closed' });
  });

  it('a pad served on a tty comes back after a bridge took its link down with garbage', async () => {
    const pair = await openPtyPair();
    const serving = await servePinPadOverSerial(new PinPadSimulator(simulatorConfigOf()), pair.ends[0], FAST_LINK);
    try {
      const linkDown = new Promise<PinPadLinkError>((resolve) => serving.onLinkDown(resolve));
      const noisy = await openSerialLine(pair.ends[1]);
      const pad = new RawLinePeer(noisy);
      // One bad reception at a time: each NAKed before the next, the third takes the pad's link down
      // (a tty may split a write, and each piece is a bad reception of its own).
      for (let n = 1; n <= 3; n += 1) {
        pad.write(Buffer.from([0xee, 0xee]));
        await pad.waitFor('nak', n);
      }
      const nakReasons = pad.received.flatMap((event) => (event.kind === 'nak' ? [event.reason] : []));
      expect(nakReasons.length).toBeGreaterThanOrEqual(3);
      expect(new Set(nakReasons)).toEqual(new Set(['bad-start-byte']));
      await expect(linkDown).resolves.toMatchObject({ reason: 'garbage' });
      await new Promise<void>((resolve) => noisy.close(() => resolve()));
      const client = await openPinPadOverSerial(pair.ends[1], FAST_LINK);
      await expect(client.deviceInfo()).resolves.toMatchObject({ serialNumber: 'PP-000123' });
      client.close();
    } finally {
      await serving.close();
      await pair.close();
    }
  });

  it('a tty that is not there: opening fails with line-closed naming the path', async () => {
    await expect(openPinPadOverSerial('/dev/pts/no-such-pad')).rejects.toMatchObject({ name: 'PinPadLinkError', reason: 'line-closed' });
    await expect(openPinPadOverSerial('/dev/pts/no-such-pad')).rejects.toThrow('line-closed: cannot open /dev/pts/no-such-pad');
  });
});
