import { bytesToHex } from '@payments/crypto';

import type { CliIo } from '../runner/cli-io.types';
import { runCommand } from '../runner/cli-command.runner';
import { aesKsnOf, bdkOf, dukptAlgorithmOf, tdesKsnOf } from './dukpt-key.options';
import { deriveDukptKeys, DukptTransaction, wipeDukptKeys } from './dukpt-keys.util';

export interface DukptDeriveOptions {
  readonly algorithm: string;
  readonly bdk: string;
  readonly ksn: string;
}

/** Checks the options in order (algorithm first: it decides the lengths expected), never echoing a value. */
export function dukptTransactionOf(options: DukptDeriveOptions): DukptTransaction {
  const algorithm = dukptAlgorithmOf('--algorithm', options.algorithm);
  const bdk = bdkOf('--bdk', options.bdk, algorithm);
  return algorithm === 'tdes' ? { algorithm, bdk, ksn: tdesKsnOf('--ksn', options.ksn) } : { algorithm, bdk, ksn: aesKsnOf('--ksn', options.ksn) };
}

/**
 * `dukpt derive --algorithm tdes|aes128|aes256 --bdk --ksn`: the host-side keys of one
 * transaction, for integrators checking a PIN pad's key injection: one JSON line,
 * `{"initialKey","transactionKey","pinKey"}` and for AES `"dataKey","macKey"`, uppercase hex.
 */
export function runDukptDerive(options: DukptDeriveOptions, io: CliIo): Promise<number> {
  return runCommand(io, () => {
    const transaction = dukptTransactionOf(options);
    const keys = deriveDukptKeys(transaction);
    try {
      return JSON.stringify(Object.fromEntries(Object.entries(keys).map(([name, key]: [string, Buffer]) => [name, bytesToHex(key)])));
    } finally {
      wipeDukptKeys(transaction, keys);
    }
  });
}
