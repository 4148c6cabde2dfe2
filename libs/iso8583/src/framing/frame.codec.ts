import { Iso8583FormatError } from '../iso8583-format.error';

/**
 * TCP length headers in front of each ISO 8583 message (not part of ISO 8583 itself; each host
 * interface specification picks one): 'binary2' a 2-byte big-endian length (the most common),
 * 'ascii4' 4 ASCII decimal digits, 'none' no header (only where the transport delimits messages).
 */
export type FrameHeader = 'binary2' | 'ascii4' | 'none';

export function headerLength(header: FrameHeader): number {
  return header === 'binary2' ? 2 : header === 'ascii4' ? 4 : 0;
}

export function maxFrameLength(header: FrameHeader): number {
  return header === 'binary2' ? 0xffff : header === 'ascii4' ? 9999 : Number.MAX_SAFE_INTEGER;
}

/** Prepends the length header to one encoded message. */
export function frame(message: Buffer, header: FrameHeader = 'binary2'): Buffer {
  if (message.length > maxFrameLength(header)) {
    throw new Iso8583FormatError(null, 0, `message of ${message.length} bytes exceeds the ${header} header maximum ${maxFrameLength(header)}`);
  }
  switch (header) {
    case 'binary2': {
      const out = Buffer.allocUnsafe(2 + message.length);
      out.writeUInt16BE(message.length, 0);
      message.copy(out, 2);
      return out;
    }
    case 'ascii4':
      return Buffer.concat([Buffer.from(message.length.toString().padStart(4, '0'), 'latin1'), message]);
    case 'none':
      return message;
  }
}
