import { duplexPair } from 'node:stream';

import { encodeFrame, encodeNak } from '../protocol/frame.codec';
import { RawLinePeer } from './raw-line.peer';

describe(RawLinePeer.name, () => {
  it('still hears the NAK that follows a damaged frame', async () => {
    const [peerEnd, otherEnd] = duplexPair();
    const sut = new RawLinePeer(peerEnd);
    const damaged = encodeFrame({ seq: 4, code: 0x10, payload: Buffer.from('OK') }); // its LRC, 10, starts nothing
    damaged[damaged.length - 2] = 0x0b;
    otherEnd.write(damaged);
    otherEnd.write(encodeNak(1, 'bad-check-byte'));
    await expect(sut.waitFor('nak', 1, 500)).resolves.toEqual([{ kind: 'nak', seq: 1, reason: 'bad-check-byte' }]);
    expect(sut.received[0]).toMatchObject({ kind: 'error', error: { reason: 'length-mismatch', seq: 4 } });
  });
});
