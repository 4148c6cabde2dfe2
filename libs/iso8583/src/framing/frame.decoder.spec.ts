import { Iso8583FormatError } from '../iso8583-format.error';
import { frame } from './frame.codec';
import { FrameDecoder } from './frame.decoder';

const first = Buffer.from('0800822000000000000004000000000000001122054730000001301', 'latin1');
const second = Buffer.from('0810822000000000000006000000000000001122054730000001' + '00301', 'latin1');

describe(FrameDecoder.name, () => {
  it('frames with a 2-byte big-endian length by default', () => {
    expect(frame(Buffer.from('ABC')).toString('hex')).toBe('0003414243');
  });

  it('frames with 4 ASCII decimal digits or with no header', () => {
    expect(frame(Buffer.from('ABC'), 'ascii4').toString('latin1')).toBe('0003ABC');
    expect(frame(Buffer.from('ABC'), 'none').toString('latin1')).toBe('ABC');
  });

  it('rejects a message too long for its header', () => {
    expect(() => frame(Buffer.alloc(10_000), 'ascii4')).toThrow(Iso8583FormatError);
  });

  it.each(['binary2', 'ascii4'] as const)('reassembles %s frames split and coalesced at any byte', (header) => {
    const stream = Buffer.concat([frame(first, header), frame(second, header)]);
    for (let cut = 1; cut < stream.length; cut++) {
      const sut = new FrameDecoder(header);

      const frames = [...sut.push(stream.subarray(0, cut)), ...sut.push(stream.subarray(cut))];

      expect(frames.map((f) => f.toString('latin1'))).toEqual([first.toString('latin1'), second.toString('latin1')]);
      expect(sut.buffered).toBe(0);
    }
  });

  it('keeps a partial frame until the rest arrives', () => {
    const sut = new FrameDecoder('binary2');

    expect(sut.push(frame(first).subarray(0, 10))).toEqual([]);
    expect(sut.buffered).toBe(10);
  });

  it('skips zero-length keep-alive frames', () => {
    const sut = new FrameDecoder('binary2');

    expect(sut.push(Buffer.concat([Buffer.from([0, 0]), frame(first)]))).toEqual([first]);
  });

  it('throws with the stream offset when an ascii4 header is not numeric', () => {
    const sut = new FrameDecoder('ascii4');
    sut.push(frame(first, 'ascii4'));

    expect(() => sut.push(Buffer.from('00X5ABCDE'))).toThrow(`byte offset ${4 + first.length + 2}`);
  });

  it('passes each chunk through as one message with no header', () => {
    expect(new FrameDecoder('none').push(first)).toEqual([first]);
  });
});
