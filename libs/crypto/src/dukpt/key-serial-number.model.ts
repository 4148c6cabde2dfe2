import { bytesToHex, hexToBytes } from '../bytes.util';
import { CryptoInputError } from '../crypto-input.error';
import { nextDeviceCounter, oneBits } from './ksn-counter.util';

/** X9.24-1:2009 A.2: the rightmost 21 bits of the 80-bit KSN are the encryption counter. */
export const KSN_COUNTER_BITS = 21;
export const KSN_COUNTER_MASK = (1 << KSN_COUNTER_BITS) - 1;
/** A device only uses counters with at most ten one-bits (X9.24-1:2009 A.2, "New Key" processing). */
export const KSN_MAX_ONE_BITS = 10;

/**
 * A 10-byte DUKPT Key Serial Number: key set id + device id (59 bits) + counter (21 bits).
 * Immutable; `withCounter` returns a new one.
 */
export class KeySerialNumber {
  private constructor(private readonly bytes: Buffer) {}

  /** Parses 20 hex digits. */
  static parse(hex: string, field = 'ksn'): KeySerialNumber {
    return new KeySerialNumber(hexToBytes(hex, field, 10));
  }

  get counter(): number {
    return (((this.bytes[7] ?? 0) << 16) | ((this.bytes[8] ?? 0) << 8) | (this.bytes[9] ?? 0)) & KSN_COUNTER_MASK;
  }

  /** True when a genuine X9.24 device could have sent this counter (at most ten one-bits). */
  get hasValidCounter(): boolean {
    return oneBits(this.counter) <= KSN_MAX_ONE_BITS;
  }

  withCounter(counter: number): KeySerialNumber {
    if (!Number.isInteger(counter) || counter < 0 || counter > KSN_COUNTER_MASK) {
      throw new CryptoInputError('ksn', `counter must be 0-${KSN_COUNTER_MASK}`);
    }
    const bytes = Buffer.from(this.bytes);
    bytes[7] = ((bytes[7] ?? 0) & 0xe0) | (counter >>> 16);
    bytes[8] = (counter >>> 8) & 0xff;
    bytes[9] = counter & 0xff;
    return new KeySerialNumber(bytes);
  }

  /** The KSN as loaded with the initial key: counter bits cleared. */
  initial(): KeySerialNumber {
    return this.withCounter(0);
  }

  /** The next counter a device uses: +1, skipping values with more than ten one-bits. */
  next(): KeySerialNumber {
    return this.withCounter(nextDeviceCounter(this.counter, KSN_COUNTER_MASK, KSN_MAX_ONE_BITS));
  }

  toBuffer(): Buffer {
    return Buffer.from(this.bytes);
  }

  toHex(): string {
    return bytesToHex(this.bytes);
  }
}
