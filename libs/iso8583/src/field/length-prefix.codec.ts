import { Iso8583FormatError } from '../iso8583-format.error';
import type { CompiledField } from './compiled-field.util';

/** Bytes the LL/LLL prefix takes on the wire: ASCII one per digit; BCD and binary 1 (LL) or 2 (LLL). */
export function prefixByteLength(f: CompiledField): number {
  if (f.prefixDigits === 0) return 0;
  return f.prefixEncoding === 'ascii' ? f.prefixDigits : f.prefixDigits === 2 ? 1 : 2;
}

export function encodePrefix(f: CompiledField, units: number): Buffer {
  switch (f.prefixEncoding) {
    case 'ascii':
      return Buffer.from(units.toString().padStart(f.prefixDigits, '0'), 'latin1');
    case 'bcd': {
      const digits = units.toString().padStart(f.prefixDigits === 2 ? 2 : 4, '0');
      return Buffer.from(digits, 'hex');
    }
    case 'binary': {
      const out = Buffer.alloc(f.prefixDigits === 2 ? 1 : 2);
      if (out.length === 1) out.writeUInt8(units, 0);
      else out.writeUInt16BE(units, 0);
      return out;
    }
  }
}

/** Reads the prefix at `offset` (bounds already checked) and returns the length in units. */
export function decodePrefix(f: CompiledField, buf: Buffer, offset: number): number {
  const size = prefixByteLength(f);
  let units = 0;
  for (let i = 0; i < size; i++) {
    const byte = buf[offset + i];
    if (f.prefixEncoding === 'ascii') {
      if (byte < 0x30 || byte > 0x39) throw new Iso8583FormatError(f.number, offset + i, 'length prefix is not numeric');
      units = units * 10 + (byte - 0x30);
    } else if (f.prefixEncoding === 'bcd') {
      const hi = byte >> 4;
      const lo = byte & 0x0f;
      if (hi > 9 || lo > 9) throw new Iso8583FormatError(f.number, offset + i, 'length prefix is not valid BCD');
      units = units * 100 + hi * 10 + lo;
    } else {
      units = units * 256 + byte;
    }
  }
  if (units > f.maxLength) {
    throw new Iso8583FormatError(f.number, offset, `length prefix ${units} exceeds maximum ${f.maxLength}`);
  }
  return units;
}
