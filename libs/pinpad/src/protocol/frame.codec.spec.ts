import { checkByteOf, encodeAck, encodeFrame, encodeNak, FrameReader } from './frame.codec';
import { PinPadFrameError } from './pinpad-frame.error';

const DISPLAY = { seq: 7, code: 0x10, payload: Buffer.from([1, 2, 0x48, 0x49]) };

describe(FrameReader.name, () => {
  it('encodes STX SEQ LEN CODE DATA ETX LRC, the LRC being the XOR of SEQ..ETX', () => {
    const bytes = encodeFrame(DISPLAY);
    expect(bytes.toString('hex')).toBe('020700051001024849' + '03' + checkByteOf(bytes.subarray(1, -1)).toString(16).padStart(2, '0'));
    expect(checkByteOf(bytes.subarray(1))).toBe(0);
  });

  it('reads frames, ACKs and NAKs back, whatever the chunking', () => {
    const line = Buffer.concat([
      encodeFrame(DISPLAY),
      encodeAck(7),
      encodeNak(8, 'out-of-order'),
      encodeFrame({ seq: 8, code: 0x01, payload: Buffer.alloc(0) }),
    ]);
    const sut = new FrameReader();
    const events = [...line].flatMap((byte) => sut.push(Buffer.from([byte])));
    expect(events).toEqual([
      { kind: 'frame', frame: DISPLAY },
      { kind: 'ack', seq: 7 },
      { kind: 'nak', seq: 8, reason: 'out-of-order' },
      { kind: 'frame', frame: { seq: 8, code: 0x01, payload: Buffer.alloc(0) } },
    ]);
    expect(sut.hasPartial).toBe(false);
  });

  function errorsOf(bytes: Buffer): PinPadFrameError[] {
    return new FrameReader().push(bytes).flatMap((event) => (event.kind === 'error' ? [event.error] : []));
  }

  it('names a wrong check byte, keeps the sequence number, and reads the next frame', () => {
    const bad = encodeFrame(DISPLAY);
    bad[bad.length - 1] ^= 0x01;
    const events = new FrameReader().push(Buffer.concat([bad, encodeFrame({ ...DISPLAY, seq: 8 })]));
    expect(events[0]).toMatchObject({ kind: 'error', error: { reason: 'bad-check-byte', seq: 7 } });
    expect(events[1]).toEqual({ kind: 'frame', frame: { ...DISPLAY, seq: 8 } });
  });

  it('names a corrupted payload byte as a wrong check byte', () => {
    const bad = encodeFrame(DISPLAY);
    bad[6] ^= 0x40;
    expect(errorsOf(bad).map((e) => e.reason)).toEqual(['bad-check-byte']);
  });

  it('names bytes that start no frame as one bad-start-byte error, then resynchronises', () => {
    const events = new FrameReader().push(Buffer.concat([Buffer.from('garbage\n'), encodeFrame(DISPLAY)]));
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      kind: 'error',
      error: { reason: 'bad-start-byte', message: 'bad-start-byte: 8 bytes that start no frame (first 0x67)' },
    });
    expect(events[1]).toEqual({ kind: 'frame', frame: DISPLAY });
  });

  it('names a LEN that does not reach the ETX, and one out of range, as length mismatches once the line is quiet', () => {
    const short = encodeFrame(DISPLAY);
    short.writeUInt16BE(3, 2);
    const sut = new FrameReader();
    expect(sut.push(short)).toEqual([]);
    expect(sut.flushQuiet()).toMatchObject({ reason: 'length-mismatch', seq: 7, message: 'length-mismatch: no ETX after the 3 bytes LEN announces' });
    const huge = encodeFrame(DISPLAY);
    huge.writeUInt16BE(0xffff, 2);
    expect(sut.push(huge)).toEqual([]);
    expect(sut.flushQuiet()).toMatchObject({ reason: 'length-mismatch', message: 'length-mismatch: LEN 65535 is outside 1-1024' });
    expect(sut.flushQuiet()).toBeUndefined();
  });

  it('reads nothing inside a frame whose ETX is damaged: its 02, 06 and 15 bytes are data, and the next frame after the quiet is read', () => {
    const bad = encodeFrame({ seq: 4, code: 0xa2, payload: Buffer.from([0x02, 0x00, 0x00, 0x05, 0x06, 0x04, 0x15, 0x04, 0x05, 0x02]) });
    bad[bad.length - 2] = 0x13;
    const sut = new FrameReader();
    const events = [...bad].flatMap((byte) => sut.push(Buffer.from([byte])));
    expect(events).toEqual([]);
    expect(sut.hasPartial).toBe(true);
    expect(sut.flushQuiet()).toMatchObject({ reason: 'length-mismatch', seq: 4 });
    expect(sut.push(encodeFrame(DISPLAY))).toEqual([{ kind: 'frame', frame: DISPLAY }]);
  });

  it.each([
    ['whose SEQ and LEN then read as an out-of-range LEN', 7],
    ['whose SEQ and LEN then read as an in-range LEN of 256', 1],
  ])('reads a good frame after a stray 02 (%s) at once, with no error', (_case, seq) => {
    const line = Buffer.concat([Buffer.from([0x02]), encodeFrame({ ...DISPLAY, seq }), encodeAck(3)]);
    const sut = new FrameReader();
    expect(sut.push(line)).toEqual([
      { kind: 'frame', frame: { ...DISPLAY, seq } },
      { kind: 'ack', seq: 3 },
    ]);
    expect(sut.hasPartial).toBe(false);
    const byteByByte = new FrameReader();
    expect([...line].flatMap((byte) => byteByByte.push(Buffer.from([byte])))).toEqual([
      { kind: 'frame', frame: { ...DISPLAY, seq } },
      { kind: 'ack', seq: 3 },
    ]);
  });

  it('resumes at a good frame that follows a damaged one before the quiet, and reads the ACK after it', () => {
    const bad = encodeFrame({ ...DISPLAY, seq: 4 });
    bad[bad.length - 2] = 0x0b;
    const sut = new FrameReader();
    expect(sut.push(bad)).toEqual([]);
    expect(sut.push(Buffer.concat([encodeFrame(DISPLAY), encodeAck(9)]))).toEqual([
      { kind: 'frame', frame: DISPLAY },
      { kind: 'ack', seq: 9 },
    ]);
    expect(sut.hasPartial).toBe(false);
    expect(sut.flushQuiet()).toBeUndefined();
  });

  it('resyncing at once, names a damaged frame without waiting for the quiet and reads the NAK after it', () => {
    const bad = encodeFrame({ ...DISPLAY, seq: 4 });
    bad[bad.length - 2] = 0x0b;
    const events = new FrameReader('resync-at-once').push(Buffer.concat([bad, encodeNak(2, 'truncated')]));
    expect(events[0]).toMatchObject({ kind: 'error', error: { reason: 'length-mismatch', seq: 4 } });
    expect(events.at(-1)).toEqual({ kind: 'nak', seq: 2, reason: 'truncated' });
  });

  it('keeps a partial frame until more comes, and names it truncated when the line goes quiet', () => {
    const sut = new FrameReader();
    expect(sut.push(encodeFrame(DISPLAY).subarray(0, 6))).toEqual([]);
    expect(sut.hasPartial).toBe(true);
    expect(sut.flushQuiet()).toMatchObject({ reason: 'truncated', seq: 7, message: 'truncated: the line went quiet after 6 bytes of a frame' });
    expect(sut.hasPartial).toBe(false);
    expect(sut.push(encodeFrame(DISPLAY))).toEqual([{ kind: 'frame', frame: DISPLAY }]);
  });

  it('refuses to encode what does not fit a frame', () => {
    expect(() => encodeFrame({ ...DISPLAY, seq: 256 })).toThrow('seq must be a byte (0-255), is 256');
    expect(() => encodeFrame({ ...DISPLAY, payload: Buffer.alloc(1024) })).toThrow('frame payload of 1024 bytes exceeds 1023');
  });
});
