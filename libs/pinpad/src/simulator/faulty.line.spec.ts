import { duplexPair } from 'node:stream';

import { encodeFrame } from '../protocol/frame.codec';
import { withLineFaults } from './faulty.line';

const STATUS = { seq: 0, code: 0x01, payload: Buffer.alloc(0) };

describe(withLineFaults.name, () => {
  it('still counts frames after a damaged one: the line drops after the configured count', async () => {
    const [bridgeEnd, padEnd] = duplexPair();
    withLineFaults(padEnd, { dropLineAfterFrames: 1 }).resume();
    const ended = new Promise<void>((resolve) => bridgeEnd.on('end', resolve));
    bridgeEnd.resume();
    const damaged = encodeFrame({ ...STATUS, payload: Buffer.from('HI') });
    damaged.writeUInt16BE(0xffff, 2);
    bridgeEnd.write(damaged);
    await new Promise((resolve) => setImmediate(resolve));
    bridgeEnd.write(encodeFrame(STATUS));
    await new Promise((resolve) => setImmediate(resolve));
    bridgeEnd.write(encodeFrame({ ...STATUS, seq: 1 }));
    const stillUp = new Promise<string>((resolve) => setTimeout(() => resolve('still up'), 1_000).unref());
    await expect(Promise.race([ended.then(() => 'dropped'), stillUp])).resolves.toBe('dropped');
  });
});
