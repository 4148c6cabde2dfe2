import { duplexPair } from 'node:stream';

import { ANSI_TEST_BDK, CardDataDecryptor, InMemoryBdkStore } from '@payments/crypto';
import { decodeBerTlv } from '@payments/iso8583';

import { PinPadClient } from '../link/pinpad.client';
import { FrameReader, ReadEvent } from '../protocol/frame.codec';
import { PinPadDeviceError } from '../link/pinpad-link.error';
import { CHIP_CARD, FAST_LINK, MAGSTRIPE_CARD, OPAQUE_PIN_BLOCK, recordingPinEncryptor, simulatorConfigOf, TEST_BDK_ID, TEST_PIN } from '../testing';
import { PinPadSimulator } from './pinpad.simulator';
import { PinPadSimulatorConfig } from './simulator-config.model';

const decryptor = new CardDataDecryptor(InMemoryBdkStore.fromConfig(`${TEST_BDK_ID}:${ANSI_TEST_BDK}`));

/** A client and a simulator on an in-memory line; `wire` holds every byte both ways. */
function connect(config: PinPadSimulatorConfig, clientOptions = {}): { sut: PinPadClient; simulator: PinPadSimulator; wire: Buffer[] } {
  const [bridgeEnd, padEnd] = duplexPair();
  const wire: Buffer[] = [];
  bridgeEnd.on('data', (chunk: Buffer) => wire.push(chunk));
  padEnd.on('data', (chunk: Buffer) => wire.push(chunk));
  const simulator = new PinPadSimulator(config);
  simulator.attach(padEnd, FAST_LINK);
  return { sut: new PinPadClient(bridgeEnd, { ...FAST_LINK, ...clientOptions }), simulator, wire };
}

/** A new line (a new session) from a bridge to a simulator that may already serve others; `sent` gets what the bridge sends. */
function lineTo(simulator: PinPadSimulator, sent: Buffer[] = []): PinPadClient {
  const [bridgeEnd, padEnd] = duplexPair();
  padEnd.on('data', (chunk: Buffer) => sent.push(chunk));
  simulator.attach(padEnd, FAST_LINK);
  return new PinPadClient(bridgeEnd, FAST_LINK);
}

/** Resolves once the bytes on `wire` hold an event `wanted` finds, instead of guessing a delay; fails after `timeoutMs`. */
async function untilOnWire(wire: readonly Buffer[], what: string, wanted: (event: ReadEvent) => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!new FrameReader('resync-at-once').push(Buffer.concat(wire)).some(wanted)) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what} on the line`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** Resolves once the pad acknowledged the command numbered `seq` (it runs it). */
function untilPadTook(wire: readonly Buffer[], seq: number): Promise<void> {
  return untilOnWire(wire, `the ACK of command ${seq}`, (event) => event.kind === 'ack' && event.seq === seq);
}

describe(PinPadSimulator.name, () => {
  it('reads a magnetic stripe into the block the gateway decrypts, with a new KSN per read', async () => {
    const { sut } = connect(simulatorConfigOf());
    const first = await sut.readCard('SWIPE', ['magstripe', 'chip'], 5_000);
    const second = await sut.readCard('SWIPE', ['magstripe'], 5_000);
    expect(first.entryMode).toBe('magstripe');
    expect(first.card.ksn).toBe('FFFF9876543210E00001');
    expect(second.card.ksn).toBe('FFFF9876543210E00002');
    expect(decryptor.decrypt(first.card)).toEqual(MAGSTRIPE_CARD.track2);
    expect(decryptor.decrypt(second.card)).toEqual(MAGSTRIPE_CARD.track2);
    expect(first.iccData).toBeUndefined();
    sut.close();
  });

  it('reads a chip into the encrypted block and the EMV tags without 57 and 5A', async () => {
    const { sut, wire } = connect(simulatorConfigOf({ card: CHIP_CARD }));
    const read = await sut.readCard('INSERT', ['chip'], 5_000);
    expect(decryptor.decrypt(read.card)).toEqual(CHIP_CARD.track2);
    expect(decodeBerTlv(read.iccData ?? '').map((t) => t.tag)).toEqual(['9F26', '9F02', '82']);
    expect(Buffer.concat(wire).includes(Buffer.from('5555555555554444', 'hex'))).toBe(false);
    expect(Buffer.concat(wire).includes(Buffer.from('5555555555554444', 'ascii'))).toBe(false);
    sut.close();
  });

  it('sends clear only the EMV tags on its allow-list, inside templates too: no PAN, track or name carrier', async () => {
    const pan = CHIP_CARD.track2.pan;
    const card = {
      ...CHIP_CARD,
      iccTags: [
        { tag: '9F26', value: '1122334455667788' },
        { tag: '56', value: Buffer.from(`B${pan}^CARDHOLDER/A^2912201`).toString('hex') },
        {
          tag: '70',
          children: [
            { tag: '5A', value: pan },
            { tag: '5F20', value: Buffer.from('CARDHOLDER/A').toString('hex') },
            { tag: '9F36', value: '0042' },
          ],
        },
        {
          tag: '77',
          children: [
            { tag: '9F6B', value: `${pan}D29122010000` },
            { tag: '9F1F', value: '3030303030' },
            { tag: '57', value: `${pan}D29122010000` },
          ],
        },
      ],
    };
    const { sut, wire } = connect(simulatorConfigOf({ card }));
    const read = await sut.readCard('INSERT', ['chip'], 5_000);
    const clear = decodeBerTlv(read.iccData ?? '');
    expect(clear.map((t) => [t.tag, (t.children ?? []).map((c) => c.tag)])).toEqual([
      ['9F26', []],
      ['70', ['9F36']],
    ]);
    const bytes = Buffer.concat(wire);
    expect(bytes.includes(Buffer.from(pan, 'hex'))).toBe(false);
    expect(bytes.includes(Buffer.from(pan, 'ascii'))).toBe(false);
    expect(bytes.includes(Buffer.from('CARDHOLDER'))).toBe(false);
    sut.close();
  });

  it('enters a PIN: the encryptor gets the digits and the PAN, the line carries only the opaque block and the KSN', async () => {
    const encryptor = recordingPinEncryptor();
    const { sut, wire } = connect(simulatorConfigOf({ keysTyped: `${TEST_PIN}E`, encryptPin: encryptor.encryptPin }));
    await sut.readCard('SWIPE', ['magstripe'], 5_000);
    const pin = await sut.enterPin({ prompt: 'PIN', minDigits: 4, maxDigits: 12, timeoutMs: 5_000 });
    expect(pin).toEqual({ command: 'pin-entry', pinBlock: OPAQUE_PIN_BLOCK.toString('hex').toUpperCase(), ksn: 'FFFF9876543210E00002' });
    expect(encryptor.calls).toEqual([{ pin: TEST_PIN, pan: MAGSTRIPE_CARD.track2.pan, ksn: 'FFFF9876543210E00002' }]);
    const bytes = Buffer.concat(wire);
    expect(bytes.includes(Buffer.from(TEST_PIN, 'ascii'))).toBe(false);
    expect(bytes.includes(Buffer.from(TEST_PIN, 'hex'))).toBe(false);
    sut.close();
  });

  it('asks for a card before a PIN, and reports the cardholder cancelling or not typing', async () => {
    const { sut } = connect(simulatorConfigOf({ keysTyped: '12C' }));
    await expect(sut.enterPin({ prompt: 'PIN', minDigits: 4, maxDigits: 12, timeoutMs: 1_000 })).rejects.toEqual(new PinPadDeviceError('pin-entry', 'no-card'));
    await sut.readCard('SWIPE', ['magstripe'], 1_000);
    const prompt = { prompt: 'PIN', minDigits: 4, maxDigits: 12, timeoutMs: 80 };
    await expect(sut.enterPin(prompt)).rejects.toEqual(new PinPadDeviceError('pin-entry', 'cancelled-by-cardholder'));
    await expect(sut.enterPin(prompt)).rejects.toEqual(new PinPadDeviceError('pin-entry', 'keypad-timeout'));
    sut.close();
  });

  it('asks for a card again in a new session: the card read on an earlier line is not the one a PIN is for', async () => {
    const simulator = new PinPadSimulator(simulatorConfigOf({ keysTyped: `${TEST_PIN}E` }));
    const first = lineTo(simulator);
    await first.readCard('SWIPE', ['magstripe'], 1_000);
    first.close();
    const second = lineTo(simulator);
    await expect(second.enterPin({ prompt: 'PIN', minDigits: 4, maxDigits: 12, timeoutMs: 1_000 })).rejects.toEqual(
      new PinPadDeviceError('pin-entry', 'no-card'),
    );
    second.close();
  });

  it('answers a PIN entry with not-supported when it has no PIN block encryptor', async () => {
    const { sut } = connect(simulatorConfigOf({ keysTyped: `${TEST_PIN}E`, encryptPin: undefined }));
    await sut.readCard('SWIPE', ['magstripe'], 1_000);
    await expect(sut.enterPin({ prompt: 'PIN', minDigits: 4, maxDigits: 12, timeoutMs: 1_000 })).rejects.toEqual(
      new PinPadDeviceError('pin-entry', 'not-supported'),
    );
    sut.close();
  });

  it('reads digits and amount confirmations as the cardholder keys them', async () => {
    const { sut } = connect(simulatorConfigOf({ keysTyped: '0042E' + 'E' + 'C' }));
    await expect(sut.readDigits({ prompt: 'NUMBER', minDigits: 1, maxDigits: 8, timeoutMs: 1_000 })).resolves.toEqual({
      command: 'read-digits',
      digits: '0042',
    });
    await expect(sut.confirmAmount('PAY?', 1500n, 'EUR', 1_000)).resolves.toEqual({ command: 'confirm-amount', confirmed: true });
    await expect(sut.confirmAmount('PAY?', 1500n, 'EUR', 1_000)).resolves.toEqual({ command: 'confirm-amount', confirmed: false });
    sut.close();
  });

  it('shows text, tells its identity and state, and stops a waiting card read on cancel', async () => {
    const { sut, simulator, wire } = connect(simulatorConfigOf({ card: undefined }));
    await sut.display(['TOTAL', '15.00 EUR']);
    expect(simulator.displayed).toEqual(['TOTAL', '15.00 EUR']);
    await expect(sut.deviceInfo()).resolves.toEqual({
      command: 'device-info',
      serialNumber: 'PP-000123',
      model: 'SIM-PP1',
      firmware: '1.0.0',
      bdkId: TEST_BDK_ID,
      ksn: 'FFFF9876543210E00001',
    });
    const read = sut.readCard('CARD', ['chip'], 30_000);
    await untilPadTook(wire, 2);
    await sut.cancel();
    await expect(read).rejects.toEqual(new PinPadDeviceError('read-card', 'cancelled'));
    sut.close();
  });

  it('cancels a card read called in the same tick: it never reaches the pad, and the next command runs', async () => {
    const { sut, wire } = connect(simulatorConfigOf({ card: undefined }));
    const read = sut.readCard('CARD', ['chip'], 30_000);
    await sut.cancel();
    await expect(read).rejects.toEqual(new PinPadDeviceError('read-card', 'cancelled'));
    await expect(sut.status()).resolves.toEqual({ command: 'status', state: 'idle' });
    expect(Buffer.concat(wire).includes(Buffer.from('CARD'))).toBe(false);
    sut.close();
  });

  it('answers card-read-error when the reader fails', async () => {
    const { sut } = connect(simulatorConfigOf({ cardReadFails: true }));
    await expect(sut.readCard('CARD', ['magstripe'], 1_000)).rejects.toEqual(new PinPadDeviceError('read-card', 'card-read-error'));
    sut.close();
  });

  describe('faults', () => {
    it('silent after one frame: the next command fails with no-ack', async () => {
      const { sut } = connect(simulatorConfigOf({ faults: { silentAfterFrames: 1 } }));
      await sut.display(['ONE']);
      await expect(sut.display(['TWO'])).rejects.toMatchObject({ name: 'PinPadLinkError', reason: 'no-ack' });
    });

    it('garbage after one frame: the card read fails with garbage', async () => {
      const { sut } = connect(simulatorConfigOf({ faults: { garbageAfterFrames: 2 } }));
      await sut.display(['ONE']);
      await expect(sut.readCard('CARD', ['magstripe'], 1_000)).rejects.toMatchObject({ name: 'PinPadLinkError', reason: 'garbage' });
    });

    it('one wrong check byte: NAKed, sent again, the command succeeds', async () => {
      const { sut } = connect(simulatorConfigOf({ faults: { badCheckByteAfterFrames: 1 } }));
      await expect(sut.readCard('CARD', ['magstripe'], 1_000)).resolves.toMatchObject({ entryMode: 'magstripe' });
    });

    it('line dropped mid-operation: the waiting command fails with line-closed', async () => {
      const { sut, wire } = connect(simulatorConfigOf({ faults: { dropLineAfterFrames: 1 }, card: undefined }));
      const read = sut.readCard('CARD', ['chip'], 30_000);
      await untilPadTook(wire, 0);
      void sut.cancel().catch(() => undefined);
      await expect(read).rejects.toMatchObject({ name: 'PinPadLinkError', reason: 'line-closed' });
    });

    it('a lost card read, then cancel: the pad refuses the cancel out of order, the link goes down named, and a new line works', async () => {
      const simulator = new PinPadSimulator(simulatorConfigOf({ faults: { loseFrame: 2 }, card: undefined }));
      const sent: Buffer[] = [];
      const sut = lineTo(simulator, sent);
      await sut.display(['ONE']);
      const read = sut.readCard('CARD', ['chip'], 30_000);
      // The read went out (and was lost) in a chunk of its own, before the cancel.
      await untilOnWire(sent, 'the card read', (event) => event.kind === 'frame' && event.frame.seq === 1);
      const cancel = sut.cancel();
      const down = { name: 'PinPadLinkError', reason: 'out-of-order' };
      await expect(cancel).rejects.toMatchObject(down);
      await expect(read).rejects.toMatchObject(down);
      await expect(sut.status()).rejects.toMatchObject(down);
      const again = lineTo(simulator);
      await expect(again.status()).resolves.toEqual({ command: 'status', state: 'idle' });
      await expect(again.display(['TWO'])).resolves.toEqual({ command: 'display' });
      expect(simulator.displayed).toEqual(['TWO']);
      again.close();
    });

    it('answers late: the bridge times out', async () => {
      const { sut } = connect(simulatorConfigOf({ faults: { answerDelayMs: 300 } }), { answerTimeoutMs: 100 });
      await expect(sut.status()).resolves.toEqual({ command: 'status', state: 'idle' });
      await expect(sut.deviceInfo()).rejects.toMatchObject({ name: 'PinPadTimeoutError', command: 'device-info' });
      sut.close();
    });
  });
});
