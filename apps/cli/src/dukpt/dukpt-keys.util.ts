import {
  AesDukptKeyUsage,
  AesKeySerialNumber,
  deriveAesInitialKey,
  deriveAesTransactionKey,
  deriveAesWorkingKey,
  deriveIpek,
  deriveTransactionKey,
  KeySerialNumber,
  pinEncryptionKey,
} from '@payments/crypto';

import type { AesDukptAlgorithm } from './dukpt-key.options';

/** A BDK and the KSN of one transaction, TDES (X9.24-1) or AES (X9.24-3). */
export type DukptTransaction =
  | { readonly algorithm: 'tdes'; readonly bdk: Buffer; readonly ksn: KeySerialNumber }
  | { readonly algorithm: AesDukptAlgorithm; readonly bdk: Buffer; readonly ksn: AesKeySerialNumber };

/**
 * The keys of one transaction, in the order `dukpt derive` prints them. AES adds the data key
 * (encryption both ways, 0x3002) and the MAC key (CMAC generation, 0x2000), of the BDK's type.
 */
export interface DukptKeys {
  readonly initialKey: Buffer;
  readonly transactionKey: Buffer;
  readonly pinKey: Buffer;
  readonly dataKey?: Buffer;
  readonly macKey?: Buffer;
}

export function deriveDukptKeys(transaction: DukptTransaction): DukptKeys {
  if (transaction.algorithm === 'tdes') {
    const initialKey = deriveIpek(transaction.bdk, transaction.ksn);
    const transactionKey = deriveTransactionKey(initialKey, transaction.ksn);
    return { initialKey, transactionKey, pinKey: pinEncryptionKey(transactionKey) };
  }
  const { bdk, ksn } = transaction;
  const initialKey = deriveAesInitialKey(bdk, ksn);
  const transactionKey = deriveAesTransactionKey(initialKey, ksn);
  const working = (usage: AesDukptKeyUsage): Buffer => deriveAesWorkingKey(transactionKey, ksn, usage);
  return {
    initialKey,
    transactionKey,
    pinKey: working(AesDukptKeyUsage.pinEncryption),
    dataKey: working(AesDukptKeyUsage.dataEncryptionBothWays),
    macKey: working(AesDukptKeyUsage.macGeneration),
  };
}

/** Overwrites every key (and the BDK) once printed or used. */
export function wipeDukptKeys(transaction: DukptTransaction, keys: DukptKeys): void {
  transaction.bdk.fill(0);
  Object.values(keys).forEach((key: Buffer) => key.fill(0));
}
