import { isLuhnValid, PAN_MAX_LENGTH, PAN_MIN_LENGTH } from '@payments/card';
import { ANSI_AES128_TEST_BDK, ANSI_AES256_TEST_BDK, ANSI_TEST_BDK, KeySerialNumber } from '@payments/crypto';

import { AesDukptAlgorithm, bdkOf, tdesKsnOf } from '../dukpt/dukpt-key.options';
import { CliInputError } from '../runner/cli-input.error';

/** The ANSI X9.24-1 test BDK, under the id the platform's default CARD_BDKS gives it: public, for tests only. */
export const DEFAULT_BDK_ID = 'ansi-test-bdk';
export const DEFAULT_BDK = ANSI_TEST_BDK;
/** The first KSN a PIN pad injected with the ANSI test initial KSN (FFFF9876543210E00000) uses. */
export const DEFAULT_KSN = 'FFFF9876543210E00001';
/** The X9.24-3 sample AES BDKs, under the ids the platform's default CARD_BDKS gives them: public, for tests only. */
export const DEFAULT_AES_BDK: Readonly<Record<AesDukptAlgorithm, string>> = { aes128: ANSI_AES128_TEST_BDK, aes256: ANSI_AES256_TEST_BDK };
export const DEFAULT_AES_BDK_ID: Readonly<Record<AesDukptAlgorithm, string>> = { aes128: 'ansi-aes128-test-bdk', aes256: 'ansi-aes256-test-bdk' };
/** The first transaction of a PIN pad loaded with the X9.24-3 sample initial key id 1234567890123456. */
export const DEFAULT_AES_KSN = '123456789012345600000001';

export interface CardEncryptOptions {
  readonly pan: string;
  readonly expiry: string;
  readonly ksn: string;
  readonly serviceCode: string;
  readonly bdkId: string;
  readonly bdk: string;
}

export interface CardToEncrypt {
  readonly pan: string;
  readonly expiry: string;
  readonly serviceCode: string;
  readonly ksn: KeySerialNumber;
  readonly bdkId: string;
  readonly bdk: Buffer;
}

/**
 * Checks every option and says which is wrong and why, never echoing a value: --pan holds a card
 * number, --bdk a key (PCI DSS 3.3.1, 3.5).
 */
export function cardToEncryptOf(options: CardEncryptOptions): CardToEncrypt {
  checkCardOptions(options);
  const bdk = bdkOf('--bdk', options.bdk, 'tdes');
  return { pan: options.pan, expiry: options.expiry, serviceCode: options.serviceCode, bdkId: options.bdkId, bdk, ksn: tdesKsnOf('--ksn', options.ksn) };
}

/** The card and BDK id options, whatever the DUKPT. */
export function checkCardOptions(options: Pick<CardEncryptOptions, 'pan' | 'expiry' | 'serviceCode' | 'bdkId'>): void {
  const { pan, expiry, serviceCode, bdkId } = options;
  if (!/^[0-9]+$/.test(pan)) throw new CliInputError('--pan must be digits only');
  if (pan.length < PAN_MIN_LENGTH || pan.length > PAN_MAX_LENGTH)
    throw new CliInputError(`--pan must have ${PAN_MIN_LENGTH}-${PAN_MAX_LENGTH} digits, has ${pan.length}`);
  if (!isLuhnValid(pan)) throw new CliInputError('--pan fails the Luhn check (a mistyped digit?)');
  if (!/^[0-9]{2}(0[1-9]|1[0-2])$/.test(expiry)) throw new CliInputError('--expiry must be YYMM, month 01-12 (2712 = December 2027)');
  if (!/^[0-9]{3}$/.test(serviceCode)) throw new CliInputError('--service-code must be three digits (201: chip, international)');
  if (!/^[A-Za-z0-9_.:-]{1,32}$/.test(bdkId)) throw new CliInputError('--bdk-id must be 1-32 letters, digits or _ . : -');
}
