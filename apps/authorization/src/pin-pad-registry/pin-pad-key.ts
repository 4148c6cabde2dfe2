import { AesKeySerialNumber, KeySerialNumber, KSN_COUNTER_MASK } from '@payments/crypto';

export type KeyScheme = 'tdes' | 'aes';

/** Which PIN pad a KSN comes from (its BDK id and initial KSN), and which of its keys it used. */
export interface PinPadKey {
  readonly scheme: KeyScheme;
  /** The KSN as loaded with the initial key: the counter cleared. Upper-case hex. */
  readonly initialKsn: string;
  readonly counter: number;
  /** `bdkId:initialKsn`: how the registry finds the pad. */
  readonly deviceKey: string;
  /** True when a genuine X9.24 device could have used this counter for a transaction. */
  readonly counterInUse: boolean;
  /** How much of the pad's key space this counter has used, 0-100 (reload the initial key near 100). */
  readonly counterUsedPercent: number;
}

const MAX_COUNTER: Record<KeyScheme, number> = { tdes: KSN_COUNTER_MASK, aes: 0xffffffff };

/** How much of a pad's key space a counter has used, 0-100 (whole percent, rounded down). */
export function counterUsedPercent(scheme: KeyScheme, counter: number): number {
  return Math.floor((counter / MAX_COUNTER[scheme]) * 100);
}

/** Reads a card block's KSN: 20 hex digits (TDES DUKPT, X9.24-1) or 24 (AES DUKPT, X9.24-3); throws CryptoInputError otherwise. */
export function pinPadKeyOf(bdkId: string, ksnHex: string, field = 'ksn'): PinPadKey {
  if (ksnHex.length === 24) {
    const ksn = AesKeySerialNumber.parse(ksnHex, field);
    const initialKsn = ksn.withCounter(0).toHex().toUpperCase();
    return describe('aes', bdkId, initialKsn, ksn.counter, ksn.hasValidCounter);
  }
  const ksn = KeySerialNumber.parse(ksnHex, field);
  const initialKsn = ksn.initial().toHex().toUpperCase();
  const counterInUse = ksn.counter !== 0 && ksn.hasValidCounter;
  return describe('tdes', bdkId, initialKsn, ksn.counter, counterInUse);
}

/** The initial KSN a pad is registered with: a KSN of counter 0 (20 or 24 hex digits), normalized. */
export function initialKsnOf(ksnHex: string, field: string): { scheme: KeyScheme; initialKsn: string; counter: number } {
  const key = pinPadKeyOf('-', ksnHex, field);
  return { scheme: key.scheme, initialKsn: key.initialKsn, counter: key.counter };
}

function describe(scheme: KeyScheme, bdkId: string, initialKsn: string, counter: number, counterInUse: boolean): PinPadKey {
  return { scheme, initialKsn, counter, deviceKey: `${bdkId}:${initialKsn}`, counterInUse, counterUsedPercent: counterUsedPercent(scheme, counter) };
}
