import type { Command } from 'commander';

import type { CliIo } from '../runner/cli-io.types';
import { DukptDeriveOptions, runDukptDerive } from './dukpt-derive.command';

/** `dukpt derive`: the host-side DUKPT keys of one KSN. */
export function addDukptCommands(program: Command, io: CliIo, run: (command: Promise<number>) => Promise<void>): void {
  const dukpt = program.command('dukpt').description('DUKPT keys as the host derives them (TDES per X9.24-1, AES per X9.24-3)');
  dukpt
    .command('derive')
    .description('Derive the keys of one transaction; prints {"initialKey","transactionKey","pinKey"} (AES: also "dataKey","macKey") as one JSON line')
    .requiredOption('--algorithm <name>', 'tdes, aes128 or aes256')
    .requiredOption('--bdk <hex>', 'the base derivation key: 32 hex digits (tdes, aes128) or 64 (aes256); it is on your command line, use test keys')
    .requiredOption('--ksn <hex>', 'key serial number: 20 hex digits (tdes) or 24 (AES: 8-byte initial key id, 4-byte counter)')
    .action((options: DukptDeriveOptions) => run(runDukptDerive(options, io)));
}
