import type { Command } from 'commander';

import type { CliIo } from '../runner/cli-io.types';
import { InitCaOptions, IssueDeviceOptions, IssueServerOptions, runInitCa, runIssueDevice, runIssueServer } from './pki.commands';

/** `pki init-ca | issue-device | issue-server`: the device CA of the PIN pads and bridges (libs/pki). */
export function addPkiCommands(program: Command, io: CliIo, run: (command: Promise<number>) => Promise<void>): void {
  const pki = program
    .command('pki')
    .description(
      "The devices' certificate authority: certificates for PIN pads, bridges and the gateway's device listener (keep it apart from the services' TLS CA)",
    );
  pki
    .command('init-ca')
    .description('Make a new CA in a folder (ca.crt, and ca.key readable by its owner only); prints {"certificate","key"}')
    .requiredOption('--out <dir>', 'the folder (existing files are never overwritten)')
    .option('--common-name <name>', "the CA's name", 'Payments Device CA')
    .option('--days <n>', 'validity in days (1-3650)', '3650')
    .action((options: InitCaOptions) => run(runInitCa(options, io)));
  pki
    .command('issue-device')
    .description('Issue a client certificate to a PIN pad or bridge; prints its files, serial number, expiry and fingerprint')
    .requiredOption('--ca <dir>', 'the folder of the CA (pki init-ca)')
    .requiredOption('--serial <id>', "the device's serial number (the certificate's common name)")
    .option('--shop <id>', 'the shop (organizational unit)')
    .option('--days <n>', 'validity in days (1-825)', '365')
    .requiredOption('--out <dir>', 'where to write <serial>.crt and <serial>.key')
    .action((options: IssueDeviceOptions) => run(runIssueDevice(options, io)));
  pki
    .command('issue-server')
    .description('Issue a server certificate (the gateway device listener); prints its files, serial number, expiry and fingerprint')
    .requiredOption('--ca <dir>', 'the folder of the CA (pki init-ca)')
    .requiredOption('--name <name>', "the server's name (common name, and the files' name)")
    .option('--dns <names>', 'DNS names, comma separated')
    .option('--ip <addresses>', 'IP addresses, comma separated')
    .option('--days <n>', 'validity in days (1-825)', '90')
    .requiredOption('--out <dir>', 'where to write <name>.crt and <name>.key')
    .action((options: IssueServerOptions) => run(runIssueServer(options, io)));
}
