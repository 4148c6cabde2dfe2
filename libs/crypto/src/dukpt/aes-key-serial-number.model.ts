import { bytesToHex, hexToBytes } from '../bytes.util';
import { CryptoInputError } from '../crypto-input.error';
import { nextDeviceCounter, oneBits } from './ksn-counter.util';

/** X9.24-3-2017: the AES DUKPT KSN is the 8-byte initial key id and a 32-bit transaction counter. */
export const AES_KSN_BYTES = 12;
export const AES_INITIAL_KEY_ID_BYTES = 8;
/** X9.24-3-2017 (reference code MAX_WORK): a device never uses a counter with more than 16 one-bits. */
export const AES_KSN_MAX_ONE_BITS = 16;
const COUNTER_MAX = 0xffffffff;

/**
 * A 12-byte AES DUKPT Key Serial Number: BDK id (4 bytes) + derivation id (4) = the initial key
 * id, then the transaction counter (4, big-endian). Immutable; `withCounter` returns a new one.
 */
export class AesKeySerialNumber {
  private constructor(private readonly bytes: Buffer) {}

  /** Parses 24 hex digits. */
  static parse(hex: string, field = 'ksn'): AesKeySerialNumber {
    return new AesKeySerialNumber(hexToBytes(hex, field, AES_KSN_BYTES));
  }

  /** The KSN of counter 0 (the initial key itself) for an 8-byte initial key id. */
  static ofInitialKeyId(initialKeyId: Uint8Array): AesKeySerialNumber {
    if (initialKeyId.length !== AES_INITIAL_KEY_ID_BYTES) {
      throw new CryptoInputError('initialKeyId', `must be ${AES_INITIAL_KEY_ID_BYTES} bytes, has ${initialKeyId.length}`);
    }
    return new AesKeySerialNumber(Buffer.concat([initialKeyId, Buffer.alloc(4)]));
  }

  /** BDK id (4 bytes) and derivation id (4 bytes): what the initial key is derived for. */
  get initialKeyId(): Buffer {
    return Buffer.from(this.bytes.subarray(0, AES_INITIAL_KEY_ID_BYTES));
  }

  /** The leftmost 4 bytes, naming the BDK the host derives from. */
  get bdkId(): string {
    return bytesToHex(this.bytes.subarray(0, 4));
  }

  get counter(): number {
    return this.bytes.readUInt32BE(AES_INITIAL_KEY_ID_BYTES);
  }

  /** True when a genuine X9.24-3 device could have used this counter for a transaction: 1 or more, at most 16 one-bits. */
  get hasValidCounter(): boolean {
    return this.counter !== 0 && oneBits(this.counter) <= AES_KSN_MAX_ONE_BITS;
  }

  withCounter(counter: number): AesKeySerialNumber {
    if (!Number.isInteger(counter) || counter < 0 || counter > COUNTER_MAX) {
      throw new CryptoInputError('ksn', `counter must be 0-${COUNTER_MAX}`);
    }
    const bytes = Buffer.from(this.bytes);
    bytes.writeUInt32BE(counter, AES_INITIAL_KEY_ID_BYTES);
    return new AesKeySerialNumber(bytes);
  }

  /**
   * The next counter a device uses (X9.24-3 Update State for next Transaction): +1, skipping
   * values with more than 16 one-bits by adding their lowest one-bit. After 0xFFFF0000 there is
   * none: the device must be loaded with a new initial key.
   */
  next(): AesKeySerialNumber {
    return this.withCounter(nextDeviceCounter(this.counter, COUNTER_MAX, AES_KSN_MAX_ONE_BITS));
  }

  toBuffer(): Buffer {
    return Buffer.from(this.bytes);
  }

  toHex(): string {
    return bytesToHex(this.bytes);
  }
}
