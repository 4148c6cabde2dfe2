import { duplexPair } from 'node:stream';

import { encodeAck, encodeFrame, encodeNak } from '../protocol/frame.codec';
import { FAST_LINK } from '../testing';
import { FrameLink } from './frame.link';
import { LinkTimingsError } from './link-timings.model';

/**
 * A link whose far end answers each frame at once with `reply`. Once both ends flow, an in-memory
 * peer answers within the write itself.
 */
async function linkWithPeer(reply: (seq: number) => Buffer): Promise<{ sut: FrameLink; frames: Buffer[] }> {
  const [mine, theirs] = duplexPair();
  const frames: Buffer[] = [];
  theirs.on('data', (chunk: Buffer) => {
    frames.push(chunk);
    theirs.write(reply(chunk[1]));
  });
  const sut = new FrameLink(mine, { judge: () => 'ack', accept: () => undefined }, FAST_LINK);
  await new Promise((resolve) => setImmediate(resolve)); // both ends start flowing
  return { sut, frames };
}

const STATUS = { seq: 0, code: 0x01, payload: Buffer.alloc(0) };
const afterAckTimeouts = (): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, 2 * FAST_LINK.ackTimeoutMs));

describe(FrameLink.name, () => {
  it('sends a frame once when the other side acknowledges it at once', async () => {
    const { sut, frames } = await linkWithPeer(encodeAck);
    await sut.send(STATUS);
    await afterAckTimeouts();
    expect(frames).toHaveLength(1);
    expect(sut.error).toBeUndefined();
    sut.close();
  });

  it('never sends again a frame the other side refused as out of order at once', async () => {
    const { sut, frames } = await linkWithPeer((seq) => encodeNak(seq, 'out-of-order'));
    await expect(sut.send(STATUS)).rejects.toMatchObject({ reason: 'out-of-order' });
    await afterAckTimeouts();
    expect(frames).toHaveLength(1);
  });

  it('takes a good frame behind a stray 02 at once: ACKs it, NAKs nothing', async () => {
    const [mine, theirs] = duplexPair();
    const accepted: number[] = [];
    const sut = new FrameLink(mine, { judge: () => 'ack', accept: (frame) => accepted.push(frame.seq) }, FAST_LINK);
    const heard: Buffer[] = [];
    theirs.on('data', (chunk: Buffer) => heard.push(chunk));
    theirs.write(Buffer.concat([Buffer.from([0x02]), encodeFrame({ ...STATUS, seq: 1 })]));
    await new Promise((resolve) => setTimeout(resolve, FAST_LINK.frameGapMs / 2));
    expect(accepted).toEqual([1]);
    expect(Buffer.concat(heard)).toEqual(encodeAck(1));
    sut.close();
  });

  it('refuses timings whose frame gap is not below the ACK timeout: a damaged frame would be NAKed too late', () => {
    const [mine] = duplexPair();
    const build = (): FrameLink => new FrameLink(mine, { judge: () => 'ack', accept: () => undefined }, { ackTimeoutMs: 300, frameGapMs: 300 });
    expect(build).toThrow(LinkTimingsError);
    expect(build).toThrow('frameGapMs (300) must be below ackTimeoutMs (300)');
  });
});
