import { Duplex } from 'node:stream';

import { FrameReader } from '../protocol/frame.codec';
import { STX } from '../protocol/frame.model';
import { SimulatedFaults } from './simulator-config.model';

/** Bytes that start no frame, ACK or NAK. */
const GARBAGE_BYTE = 0xee;

/**
 * Wraps a line with the simulator's faults: counts the frames the pad receives and, past the
 * configured counts, drops what comes in, garbles or corrupts what goes out, or drops the line;
 * one frame can be lost on the way in (with whatever else its chunk held).
 */
export function withLineFaults(line: Duplex, faults: SimulatedFaults): Duplex {
  // It only counts, with no quiet timer to end a damaged frame's skip: it reads on at once.
  const reader = new FrameReader('resync-at-once');
  let framesIn = 0;
  let checkByteCorrupted = false;
  const past = (limit: number | undefined): boolean => limit !== undefined && framesIn > limit;
  const atLeast = (limit: number | undefined): boolean => limit !== undefined && framesIn >= limit;

  const faulty = new Duplex({
    read: () => undefined,
    write(chunk: Buffer, _encoding, callback) {
      if (past(faults.silentAfterFrames)) return callback();
      let out = chunk;
      if (atLeast(faults.garbageAfterFrames)) out = Buffer.alloc(chunk.length, GARBAGE_BYTE);
      else if (atLeast(faults.badCheckByteAfterFrames) && !checkByteCorrupted && chunk[0] === STX) {
        checkByteCorrupted = true;
        out = Buffer.from(chunk);
        out[out.length - 1] ^= 0xff;
      }
      line.write(out, callback);
    },
    destroy(error, callback) {
      line.destroy();
      callback(error);
    },
  });
  line.on('data', (chunk: Buffer) => {
    const before = framesIn;
    framesIn += reader.push(chunk).filter((event) => event.kind === 'frame').length;
    if (faults.loseFrame !== undefined && before < faults.loseFrame && framesIn >= faults.loseFrame) return;
    if (past(faults.dropLineAfterFrames)) {
      // End first, so an in-memory peer hears it too (a socket or a tty also closes on destroy).
      line.end(() => line.destroy());
      return;
    }
    if (!past(faults.silentAfterFrames)) faulty.push(chunk);
  });
  line.on('end', () => faulty.push(null));
  line.on('close', () => faulty.destroy());
  line.on('error', (error) => faulty.destroy(error));
  return faulty;
}
