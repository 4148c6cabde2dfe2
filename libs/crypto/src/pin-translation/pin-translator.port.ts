import type { CryptoInputError } from '../crypto-input.error';

/** A PIN block as the PIN pad sent it: encrypted under its DUKPT PIN key (the KSN's). */
export interface DevicePinBlock {
  /** 16 hex digits (format 0, TDES DUKPT) or 32 (format 4, AES DUKPT). */
  readonly pinBlock: string;
  readonly format: 0 | 4;
  /** 20 hex digits (TDES DUKPT) or 24 (AES DUKPT), of the scheme of the BDK `bdkId`. */
  readonly ksn: string;
  readonly bdkId: string;
  /** The card's PAN the block is bound to; in memory only. */
  readonly pan: string;
}

/**
 * The same PIN, as ISO 9564 format 0 under the acquirer's (TDES) zone PIN key: what DE 52 of the
 * ISO 8583:1987 dialect carries, for one request (a format 4 device block is reformatted).
 */
export interface ZonePinBlock {
  /** 16 hex digits. */
  readonly pinBlock: string;
  readonly format: 0;
}

/**
 * PIN translation from the PIN pad's DUKPT key to an acquirer's zone PIN key, without the PIN
 * ever leaving the implementation. This port is where a hardware security module plugs in (a
 * Thales-style "translate a PIN from DUKPT to ZPK" command, with the BDK and the ZPKs under its
 * LMK); SoftwarePinTranslator does it in process for development, tests and the embedded mode.
 * Failures are CryptoInputErrors naming the field (bdkId, ksn, format, pinBlock, zone), never the PIN,
 * the PIN block or the PAN; `bdkId` and `zone` mean a key the server lacks (isPinKeyMissing).
 */
export interface PinTranslator {
  translate(block: DevicePinBlock, toZone: string): Promise<ZonePinBlock>;
}

/**
 * Whether a translation failed for a key the server does not hold (an unknown BDK id, no zone PIN
 * key for the acquirer): a configuration fault, not a bad block from the cardholder's PIN pad.
 */
export function isPinKeyMissing(error: CryptoInputError): boolean {
  return error.field === 'bdkId' || error.field === 'zone';
}
