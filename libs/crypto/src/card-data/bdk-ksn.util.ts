import { CryptoInputError } from '../crypto-input.error';
import { AES_KSN_BYTES, AesKeySerialNumber } from '../dukpt/aes-key-serial-number.model';
import { KeySerialNumber } from '../dukpt/key-serial-number.model';
import { describeBdkScheme, type DukptBdk } from './bdk.store';

/** A KSN read under its BDK's scheme: a 10-byte X9.24-1 KSN for a TDES BDK, a 12-byte X9.24-3 one for an AES BDK. */
export type SchemeKsn = { readonly scheme: 'tdes'; readonly ksn: KeySerialNumber } | { readonly scheme: 'aes128' | 'aes256'; readonly ksn: AesKeySerialNumber };

const TDES_KSN_DIGITS = 20;
const AES_KSN_DIGITS = AES_KSN_BYTES * 2;

/**
 * Parses `ksnHex` for the BDK `bdkId`: a TDES KSN under an AES BDK, or an AES KSN under a TDES
 * one, is refused by name (the field, the BDK id and both schemes; never a key).
 */
export function ksnUnderBdk(bdkId: string, bdk: DukptBdk, ksnHex: string, field = 'ksn'): SchemeKsn {
  if (bdk.scheme === 'tdes') {
    if (ksnHex.length === AES_KSN_DIGITS) {
      throw new CryptoInputError(field, `an AES DUKPT KSN (${AES_KSN_DIGITS} hex digits) under BDK "${bdkId}", a TDES BDK (its KSNs have ${TDES_KSN_DIGITS})`);
    }
    return { scheme: 'tdes', ksn: KeySerialNumber.parse(ksnHex, field) };
  }
  if (ksnHex.length === TDES_KSN_DIGITS) {
    throw new CryptoInputError(
      field,
      `a TDES DUKPT KSN (${TDES_KSN_DIGITS} hex digits) under BDK "${bdkId}", ${describeBdkScheme(bdk.scheme)} (its KSNs have ${AES_KSN_DIGITS})`,
    );
  }
  return { scheme: bdk.scheme, ksn: AesKeySerialNumber.parse(ksnHex, field) };
}
