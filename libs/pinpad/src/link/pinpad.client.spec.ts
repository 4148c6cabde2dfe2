import { duplexPair } from 'node:stream';

import { encodeFrame } from '../protocol/frame.codec';
import { encodeAnswer } from '../protocol/pinpad-message.codec';
import { FAST_LINK, RawLinePeer } from '../testing';
import { PinPadClient } from './pinpad.client';
import { PinPadDeviceError, PinPadLinkError, PinPadTimeoutError } from './pinpad-link.error';

function clientAndPad(options = {}): { sut: PinPadClient; pad: RawLinePeer } {
  const [bridgeEnd, padEnd] = duplexPair();
  return { sut: new PinPadClient(bridgeEnd, { ...FAST_LINK, ...options }), pad: new RawLinePeer(padEnd) };
}

const DISPLAY_OK = encodeAnswer({ command: 'display' });

describe(PinPadClient.name, () => {
  it('sends the command, takes the ACK and the answer, and acknowledges the answer', async () => {
    const { sut, pad } = clientAndPad();
    const shown = sut.display(['TOTAL 15.00']);
    const [{ frame }] = await pad.waitFor('frame');
    expect(frame).toMatchObject({ seq: 0, code: 0x10 });
    pad.ack(0);
    pad.sendFrame({ seq: 0, ...DISPLAY_OK });
    await expect(shown).resolves.toEqual({ command: 'display' });
    await expect(pad.waitFor('ack')).resolves.toEqual([{ kind: 'ack', seq: 0 }]);
    sut.close();
  });

  it('numbers commands 0, 1, 2, ... so the pad can tell a resend from a new command', async () => {
    const { sut, pad } = clientAndPad();
    for (let seq = 0; seq < 3; seq += 1) {
      const shown = sut.display([`LINE ${seq}`]);
      await pad.waitFor('frame', seq + 1);
      pad.sendFrame({ seq, ...DISPLAY_OK });
      await shown;
    }
    expect(pad.frames().map((f) => f.seq)).toEqual([0, 1, 2]);
    sut.close();
  });

  it('sends a NAKed command again and succeeds when the resend is acknowledged', async () => {
    const { sut, pad } = clientAndPad();
    const status = sut.status();
    await pad.waitFor('frame');
    pad.nak(0, 'bad-check-byte');
    await pad.waitFor('frame', 2);
    pad.ack(0);
    pad.sendFrame({ seq: 0, ...encodeAnswer({ command: 'status', state: 'idle' }) });
    await expect(status).resolves.toEqual({ command: 'status', state: 'idle' });
    expect(pad.frames()).toHaveLength(2);
    expect(pad.frames()[1]).toEqual(pad.frames()[0]);
    sut.close();
  });

  it('declares the link down after three unacknowledged sends, and fails every later call at once', async () => {
    const { sut, pad } = clientAndPad();
    const started = Date.now();
    const error = await sut.status().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PinPadLinkError);
    expect(error).toMatchObject({ reason: 'no-ack', message: 'no-ack: no ACK for frame 0 after 3 sends, 150 ms each' });
    expect(pad.frames()).toHaveLength(3);
    // Three ACK timeouts of 150 ms went by; the upper bound only says it ends (a loaded CI machine).
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 150 - 10);
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(sut.display(['X'])).rejects.toBe(error);
  });

  it('takes the link down when the pad refuses a command as out of order, without sending it again', async () => {
    const { sut, pad } = clientAndPad();
    const status = sut.status();
    await pad.waitFor('frame');
    pad.nak(0, 'out-of-order');
    const error = await status.catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'PinPadLinkError', reason: 'out-of-order' });
    await expect(sut.display(['X'])).rejects.toBe(error);
    expect(pad.frames()).toHaveLength(1);
  });

  it('declares the link down when every send is NAKed', async () => {
    const { sut, pad } = clientAndPad();
    const status = sut.status();
    for (let n = 1; n <= 3; n += 1) {
      await pad.waitFor('frame', n);
      pad.nak(0, 'bad-check-byte');
    }
    await expect(status).rejects.toMatchObject({ name: 'PinPadLinkError', reason: 'nak-limit' });
  });

  it('fails a command the pad acknowledged but never answers with a timeout naming it', async () => {
    const { sut, pad } = clientAndPad({ answerTimeoutMs: 100 });
    const info = sut.deviceInfo();
    await pad.waitFor('frame');
    pad.ack(0);
    await expect(info).rejects.toEqual(new PinPadTimeoutError('device-info', 100));
    sut.close();
  });

  it("waits for a keypad command as long as the pad's own timeout plus the margin", async () => {
    const { sut, pad } = clientAndPad({ answerMarginMs: 50 });
    const digits = sut.readDigits({ prompt: 'NUMBER', minDigits: 1, maxDigits: 4, timeoutMs: 150 });
    await pad.waitFor('frame');
    pad.ack(0);
    const started = Date.now();
    await expect(digits).rejects.toMatchObject({ name: 'PinPadTimeoutError', timeoutMs: 200 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    sut.close();
  });

  it('NAKs an answer with a wrong check byte and takes the good resend', async () => {
    const { sut, pad } = clientAndPad();
    const shown = sut.display(['HELLO']);
    await pad.waitFor('frame');
    pad.ack(0);
    const bad = encodeFrame({ seq: 0, ...DISPLAY_OK });
    bad[bad.length - 1] ^= 0xff;
    pad.write(bad);
    await expect(pad.waitFor('nak')).resolves.toEqual([{ kind: 'nak', seq: 0, reason: 'bad-check-byte' }]);
    pad.sendFrame({ seq: 0, ...DISPLAY_OK });
    await expect(shown).resolves.toEqual({ command: 'display' });
    sut.close();
  });

  it.each([
    ['ETX', 2],
    ['check byte', 1],
  ])('costs one NAK and one resend when an answer whose data holds 02, 06 and 15 has its %s damaged', async (_, fromEnd) => {
    const { sut, pad } = clientAndPad();
    const pin = sut.enterPin({ prompt: 'PIN', minDigits: 4, maxDigits: 12, timeoutMs: 5_000 });
    await pad.waitFor('frame');
    pad.ack(0);
    // Frame starts, an ACK for the command and a NAK inside the encrypted block.
    const answer = { seq: 0, ...encodeAnswer({ command: 'pin-entry', pinBlock: '0206000215000615', ksn: 'FFFF9876543210E00002' }) };
    const damaged = encodeFrame(answer);
    damaged[damaged.length - fromEnd] ^= 0x40;
    pad.write(damaged);
    await expect(pad.waitFor('nak')).resolves.toEqual([{ kind: 'nak', seq: 0, reason: fromEnd === 2 ? 'length-mismatch' : 'bad-check-byte' }]);
    pad.sendFrame(answer);
    await expect(pin).resolves.toMatchObject({ pinBlock: '0206000215000615' });
    const status = sut.status();
    await pad.waitFor('frame', 2);
    pad.sendFrame({ seq: 1, ...encodeAnswer({ command: 'status', state: 'idle' }) });
    await expect(status).resolves.toEqual({ command: 'status', state: 'idle' });
    expect(pad.received.filter((event) => event.kind === 'nak' || event.kind === 'error')).toHaveLength(1);
    sut.close();
  });

  it('takes garbage in the middle of an operation as a dead link after three bad receptions, NAKing each', async () => {
    const { sut, pad } = clientAndPad();
    const card = sut.readCard('CARD', ['chip'], 30_000);
    await pad.waitFor('frame');
    pad.ack(0);
    for (let n = 1; n <= 3; n += 1) {
      pad.write(Buffer.from([0xee, 0xee, 0xee]));
      if (n < 3) await pad.waitFor('nak', n);
    }
    await expect(card).rejects.toMatchObject({ name: 'PinPadLinkError', reason: 'garbage' });
    expect((await pad.waitFor('nak', 3)).map((e) => e.reason)).toEqual(['bad-start-byte', 'bad-start-byte', 'bad-start-byte']);
  });

  it('drops a truncated answer after a quiet gap, NAKs it, and takes the resend', async () => {
    const { sut, pad } = clientAndPad();
    const shown = sut.display(['HELLO']);
    await pad.waitFor('frame');
    pad.ack(0);
    pad.write(encodeFrame({ seq: 0, ...DISPLAY_OK }).subarray(0, 4));
    await expect(pad.waitFor('nak')).resolves.toEqual([{ kind: 'nak', seq: 0, reason: 'truncated' }]);
    pad.sendFrame({ seq: 0, ...DISPLAY_OK });
    await expect(shown).resolves.toEqual({ command: 'display' });
    sut.close();
  });

  it('fails the waiting command with line-closed when the pad hangs up', async () => {
    const { sut, pad } = clientAndPad();
    const card = sut.readCard('CARD', ['magstripe'], 30_000);
    await pad.waitFor('frame');
    pad.ack(0);
    pad.line.end();
    await expect(card).rejects.toMatchObject({ name: 'PinPadLinkError', reason: 'line-closed' });
  });

  it('lets a caller await a call later: a line that fails meanwhile is no unhandled rejection', async () => {
    const { sut, pad } = clientAndPad();
    const card = sut.readCard('CARD', ['magstripe'], 30_000);
    await pad.waitFor('frame');
    pad.line.end();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(card).rejects.toMatchObject({ name: 'PinPadLinkError', reason: 'line-closed' });
  });

  it("turns the pad's error answer into a PinPadDeviceError naming the command and the code", async () => {
    const { sut, pad } = clientAndPad();
    const pin = sut.enterPin({ prompt: 'PIN', minDigits: 4, maxDigits: 12, timeoutMs: 30_000 });
    await pad.waitFor('frame');
    pad.sendFrame({ seq: 0, ...encodeAnswer({ command: 'error', failedCode: 0x22, error: 'cancelled-by-cardholder' }) });
    await expect(pin).rejects.toEqual(new PinPadDeviceError('pin-entry', 'cancelled-by-cardholder'));
    sut.close();
  });

  it('cancels a command called in the same tick before it is sent: it fails with cancelled at once, only CANCEL reaches the pad', async () => {
    const { sut, pad } = clientAndPad();
    const read = sut.readCard('CARD', ['chip'], 30_000);
    const cancelled = sut.cancel();
    await expect(read).rejects.toEqual(new PinPadDeviceError('read-card', 'cancelled'));
    const [{ frame }] = await pad.waitFor('frame');
    expect(frame).toMatchObject({ seq: 0, code: 0x40 });
    pad.sendFrame({ seq: 0, ...encodeAnswer({ command: 'cancel' }) });
    await expect(cancelled).resolves.toEqual({ command: 'cancel' });
    const shown = sut.display(['NEXT']);
    await pad.waitFor('frame', 2);
    pad.sendFrame({ seq: 1, ...DISPLAY_OK });
    await expect(shown).resolves.toEqual({ command: 'display' });
    expect(pad.frames().map((f) => f.code)).toEqual([0x40, 0x10]);
    sut.close();
  });

  it('refuses a PIN entry that would wait more than 60 s', async () => {
    const { sut } = clientAndPad();
    await expect(sut.enterPin({ prompt: 'PIN', minDigits: 4, maxDigits: 12, timeoutMs: 61_000 })).rejects.toThrow('PIN entry waits at most 60000 ms');
    sut.close();
  });
});
