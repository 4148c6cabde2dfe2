import { duplexPair } from 'node:stream';

import { encodeAck, encodeNak } from '../protocol/frame.codec';
import { FAST_LINK } from '../testing';
import { FrameLink } from './frame.link';

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
});
