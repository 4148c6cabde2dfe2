import { bytesToHex, hexToBytes } from '../bytes.util';
import type { BdkStore } from '../card-data/bdk.store';
import { CryptoInputError } from '../crypto-input.error';
import { tdesDecryptCbc, tdesEncryptEcb } from '../des/tdes.cipher';
import { deriveIpek, deriveTransactionKey, pinEncryptionKey } from '../dukpt/dukpt.kdf';
import { KeySerialNumber } from '../dukpt/key-serial-number.model';
import { format0PanField } from '../pin-block/pin-block-format0.cipher';
import { assertPinBlockPan, PIN_MAX_LENGTH, PIN_MIN_LENGTH } from '../pin-block/pin-block-input.util';
import type { DevicePinBlock, PinTranslator, ZonePinBlock } from './pin-translator.port';
import type { ZonePinKeyStore } from './zone-pin-key.store';

/**
 * Whether a clear format 0 block xor the PAN field is a PIN field `0 N d..d F..F` (4-12 digits),
 * read nibble by nibble from the buffer so the PIN never becomes a string.
 */
function isFormat0PinField(clearBlock: Buffer, panField: Buffer): boolean {
  const nibble = (i: number): number => {
    const byte = (clearBlock[i >> 1] ?? 0) ^ (panField[i >> 1] ?? 0);
    return i % 2 === 0 ? byte >> 4 : byte & 0x0f;
  };
  const length = nibble(1);
  if (nibble(0) !== 0 || length < PIN_MIN_LENGTH || length > PIN_MAX_LENGTH) return false;
  for (let i = 2; i < 16; i++) {
    if (i < 2 + length ? nibble(i) > 9 : nibble(i) !== 0xf) return false;
  }
  return true;
}

/**
 * PIN translation in process: the BDK -> the DUKPT PIN key of the block's KSN -> decrypt -> check
 * the format 0 structure -> encrypt under the acquirer's ZPK. Format 0 to format 0 with the same
 * PAN: the clear block stays as it is, only the key changes. Every clear buffer is wiped.
 */
export class SoftwarePinTranslator implements PinTranslator {
  constructor(
    private readonly bdks: BdkStore,
    private readonly zonePinKeys: ZonePinKeyStore,
  ) {}

  translate(block: DevicePinBlock, toZone: string): Promise<ZonePinBlock> {
    try {
      return Promise.resolve(this.translateNow(block, toZone));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private translateNow(block: DevicePinBlock, toZone: string): ZonePinBlock {
    if (block.format !== 0) throw new CryptoInputError('format', 'only ISO 9564 format 0 PIN blocks are translated');
    const bdk = this.bdks.findBdk(block.bdkId);
    if (!bdk) throw new CryptoInputError('bdkId', `unknown BDK id "${block.bdkId}"`);
    const zpk = this.zonePinKeys.findZonePinKey(toZone);
    if (!zpk) throw new CryptoInputError('zone', `no zone PIN key for "${toZone}"`);
    assertPinBlockPan(block.pan);
    const ksn = KeySerialNumber.parse(block.ksn, 'ksn');
    const encrypted = hexToBytes(block.pinBlock, 'pinBlock', 8);
    // Every key and clear buffer is made inside the try: a derivation that throws part way still
    // leaves nothing it already made (the IPEK first of all) unwiped.
    let ipek: Buffer | undefined;
    let transactionKey: Buffer | undefined;
    let pinKey: Buffer | undefined;
    let panField: Buffer | undefined;
    let clear: Buffer | undefined;
    try {
      ipek = deriveIpek(bdk, ksn);
      transactionKey = deriveTransactionKey(ipek, ksn);
      pinKey = pinEncryptionKey(transactionKey);
      panField = format0PanField(block.pan);
      clear = tdesDecryptCbc(pinKey, encrypted);
      if (!isFormat0PinField(clear, panField)) {
        throw new CryptoInputError('pinBlock', 'does not decrypt to a format 0 PIN block (wrong BDK, KSN or PAN, or a corrupted block)');
      }
      return { pinBlock: bytesToHex(tdesEncryptEcb(zpk, clear)), format: 0 };
    } finally {
      for (const buffer of [ipek, transactionKey, pinKey, panField, clear]) buffer?.fill(0);
    }
  }
}
