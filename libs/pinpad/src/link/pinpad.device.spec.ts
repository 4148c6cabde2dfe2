import { duplexPair } from 'node:stream';

import { encodeAnswer, encodeRequest } from '../protocol/pinpad-message.codec';
import { PinPadRequest } from '../protocol/pinpad-message.model';
import { FAST_LINK, RawLinePeer } from '../testing';
import { PinPadCommandHandler, PinPadDevice, PinPadSession } from './pinpad.device';
import { PinPadDeviceError } from './pinpad-link.error';

/** A pad whose card reads wait until cancelled and whose other commands count their runs (and the session of each). */
function padAndBridge(autoAck = true): { runs: string[]; sessions: PinPadSession[]; bridge: RawLinePeer; device: PinPadDevice } {
  const runs: string[] = [];
  const sessions: PinPadSession[] = [];
  const handler: PinPadCommandHandler = (request, signal, session) => {
    runs.push(request.command);
    sessions.push(session);
    if (request.command !== 'read-card') return Promise.resolve(request.command === 'beep' ? { command: 'beep' } : { command: 'display' });
    return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new PinPadDeviceError('read-card', 'cancelled'))));
  };
  const [bridgeEnd, padEnd] = duplexPair();
  return { runs, sessions, bridge: new RawLinePeer(bridgeEnd, { autoAck }), device: new PinPadDevice(padEnd, handler, FAST_LINK) };
}

const send = (bridge: RawLinePeer, seq: number, request: PinPadRequest): void => bridge.sendFrame({ seq, ...encodeRequest(request) });
const DISPLAY: PinPadRequest = { command: 'display', lines: ['HELLO'] };

describe(PinPadDevice.name, () => {
  it('runs a repeated command once and sends its answer again', async () => {
    const { runs, bridge, device } = padAndBridge();
    send(bridge, 0, DISPLAY);
    const [first] = await bridge.waitFor('frame');
    send(bridge, 0, DISPLAY);
    const frames = await bridge.waitFor('frame', 2);
    expect(frames[1]).toEqual(first);
    expect(runs).toEqual(['display']);
    expect((await bridge.waitFor('ack', 2)).map((a) => a.seq)).toEqual([0, 0]);
    device.link.close();
  });

  it('NAKs an out-of-order sequence number with its reason and runs nothing', async () => {
    const { runs, bridge, device } = padAndBridge();
    send(bridge, 0, DISPLAY);
    await bridge.waitFor('frame');
    send(bridge, 5, DISPLAY);
    await expect(bridge.waitFor('nak')).resolves.toEqual([{ kind: 'nak', seq: 5, reason: 'out-of-order' }]);
    send(bridge, 1, DISPLAY);
    await bridge.waitFor('frame', 2);
    expect(runs).toEqual(['display', 'display']);
    device.link.close();
  });

  it('takes sequence number 0 with another command as a new session', async () => {
    const { runs, sessions, bridge, device } = padAndBridge();
    send(bridge, 0, DISPLAY);
    await bridge.waitFor('frame');
    send(bridge, 1, DISPLAY);
    await bridge.waitFor('frame', 2);
    send(bridge, 0, { command: 'beep', count: 1, durationMs: 100 });
    const frames = await bridge.waitFor('frame', 3);
    expect(frames[2].frame).toMatchObject({ seq: 0, code: 0x91 });
    expect(runs).toEqual(['display', 'display', 'beep']);
    expect(sessions[1]).toBe(sessions[0]);
    expect(sessions[2]).not.toBe(sessions[0]);
    device.link.close();
  });

  it('answers an unknown command with not-supported and a malformed one with bad-request', async () => {
    const { bridge, device } = padAndBridge();
    bridge.sendFrame({ seq: 0, code: 0x7a, payload: Buffer.alloc(0) });
    bridge.sendFrame({ seq: 1, code: 0x10, payload: Buffer.from([9]) });
    const frames = await bridge.waitFor('frame', 2);
    expect(frames.map((f) => f.frame.payload)).toEqual([Buffer.from([0x7a, 0x04]), Buffer.from([0x10, 0x08])]);
    device.link.close();
  });

  it('answers busy while a card read waits, answers status meanwhile, and cancel stops the read', async () => {
    const { bridge, device } = padAndBridge();
    send(bridge, 0, { command: 'read-card', prompt: 'CARD', entryModes: ['chip'], timeoutMs: 30_000 });
    send(bridge, 1, DISPLAY);
    send(bridge, 2, { command: 'status' });
    send(bridge, 3, { command: 'cancel' });
    const frames = (await bridge.waitFor('frame', 4)).map((f) => f.frame);
    const bySeq = new Map(frames.map((f) => [f.seq, f]));
    expect(bySeq.get(1)).toMatchObject(encodeAnswer({ command: 'error', failedCode: 0x10, error: 'busy' }));
    expect(bySeq.get(2)).toMatchObject(encodeAnswer({ command: 'status', state: 'busy' }));
    expect(bySeq.get(3)).toMatchObject(encodeAnswer({ command: 'cancel' }));
    expect(bySeq.get(0)).toMatchObject(encodeAnswer({ command: 'error', failedCode: 0x30, error: 'cancelled' }));
    device.link.close();
  });

  it('sends an unacknowledged answer three times, then takes the link down', async () => {
    const { bridge, device } = padAndBridge(false);
    const down = new Promise((resolve) => device.link.onDown(resolve));
    send(bridge, 0, DISPLAY);
    await expect(down).resolves.toMatchObject({ reason: 'no-ack' });
    expect(bridge.frames()).toHaveLength(3);
  });
});
