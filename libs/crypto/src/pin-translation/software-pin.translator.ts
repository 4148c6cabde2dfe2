import { bytesToHex, hexToBytes } from '../bytes.util';
import { type BdkStore, describeBdkScheme, type DukptBdk } from '../card-data/bdk.store';
import { ksnUnderBdk, type SchemeKsn } from '../card-data/bdk-ksn.util';
import { CryptoInputError } from '../crypto-input.error';
import { tdesDecryptCbc, tdesEncryptEcb } from '../des/tdes.cipher';
import { AesDukptKeyUsage, deriveAesInitialKey, deriveAesTransactionKey, deriveAesWorkingKey } from '../dukpt/aes-dukpt.kdf';
import { deriveIpek, deriveTransactionKey, pinEncryptionKey } from '../dukpt/dukpt.kdf';
import { format0PanField } from '../pin-block/pin-block-format0.cipher';
import { decryptFormat4PinField } from '../pin-block/pin-block-format4.cipher';
import { assertPinBlockPan } from '../pin-block/pin-block-input.util';
import type { DevicePinBlock, PinTranslator, ZonePinBlock } from './pin-translator.port';
import { format0BlockOfFormat4Field, isFormat0PinField } from './pin-field.util';
import type { ZonePinKeyStore } from './zone-pin-key.store';

/** The DUKPT each device PIN block format comes under: format 0 TDES (X9.24-1), format 4 AES (X9.24-3). */
const FORMAT_SCHEME = { 0: 'TDES', 4: 'AES' } as const;

/**
 * PIN translation in process: the BDK -> the DUKPT PIN key of the block's KSN -> decrypt -> check
 * the PIN field -> the clear format 0 block -> encrypt under the acquirer's ZPK (TDES, format 0,
 * what the ISO 8583:1987 dialect carries in DE 52). Format 0 from a TDES DUKPT pad: the clear
 * block stays as it is, only the key changes. Format 4 from an AES DUKPT pad (X9.24-3 PIN
 * encryption key): the PIN digits are moved nibble by nibble from the format 4 PIN field into a
 * format 0 block for the same PAN. Every key and clear buffer is wiped; the PIN is never a string.
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
    if (block.format !== 0 && block.format !== 4) throw new CryptoInputError('format', 'only ISO 9564 format 0 (TDES) and 4 (AES) PIN blocks are translated');
    const bdk = this.bdks.findBdk(block.bdkId);
    if (!bdk) throw new CryptoInputError('bdkId', `unknown BDK id "${block.bdkId}"`);
    const zpk = this.zonePinKeys.findZonePinKey(toZone);
    if (!zpk) throw new CryptoInputError('zone', `no zone PIN key for "${toZone}"`);
    assertPinBlockPan(block.pan);
    const read = ksnUnderBdk(block.bdkId, bdk, block.ksn);
    if ((read.scheme === 'tdes') !== (block.format === 0)) {
      throw new CryptoInputError(
        'format',
        `a format ${block.format} PIN block is made under ${FORMAT_SCHEME[block.format]} DUKPT, BDK "${block.bdkId}" is ${describeBdkScheme(bdk.scheme)}`,
      );
    }
    const encrypted = hexToBytes(block.pinBlock, 'pinBlock', block.format === 0 ? 8 : 16);
    // Every key and clear buffer is made inside the try: a derivation that throws part way still
    // leaves nothing it already made (the initial key first of all) unwiped.
    const wipe: Buffer[] = [];
    const keep = (buffer: Buffer): Buffer => {
      wipe.push(buffer);
      return buffer;
    };
    try {
      const pinKey = keep(this.pinKeyOf(bdk, read, keep));
      const panField = keep(format0PanField(block.pan));
      let clear: Buffer | undefined;
      if (block.format === 0) {
        clear = keep(tdesDecryptCbc(pinKey, encrypted));
        if (!isFormat0PinField(clear, panField)) clear = undefined;
      } else {
        const field = keep(decryptFormat4PinField(pinKey, encrypted, block.pan));
        const reformatted = format0BlockOfFormat4Field(field, panField);
        clear = reformatted && keep(reformatted);
      }
      if (!clear) {
        throw new CryptoInputError('pinBlock', `does not decrypt to a format ${block.format} PIN block (wrong BDK, KSN or PAN, or a corrupted block)`);
      }
      return { pinBlock: bytesToHex(tdesEncryptEcb(zpk, clear)), format: 0 };
    } finally {
      for (const buffer of wipe) buffer.fill(0);
    }
  }

  /** The DUKPT PIN key of the KSN: X9.24-1 PIN variant, or the X9.24-3 "PIN encryption" working key of the BDK's size. */
  private pinKeyOf(bdk: DukptBdk, read: SchemeKsn, keep: (buffer: Buffer) => Buffer): Buffer {
    if (read.scheme === 'tdes') return pinEncryptionKey(keep(deriveTransactionKey(keep(deriveIpek(bdk.key, read.ksn)), read.ksn)));
    const transactionKey = keep(deriveAesTransactionKey(keep(deriveAesInitialKey(bdk.key, read.ksn)), read.ksn));
    return deriveAesWorkingKey(transactionKey, read.ksn, AesDukptKeyUsage.pinEncryption);
  }
}
