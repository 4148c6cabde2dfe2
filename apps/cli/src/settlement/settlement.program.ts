import { Command, CommanderError } from 'commander';

import type { CliIo } from '../runner/cli-io.types';
import { USAGE_EXIT_CODE } from './cli-usage.error';
import type { OperatorRequest } from './operator-api.client';
import { EMBEDDED_OPERATOR_URL } from './operator-connection';
import { runSettlementCommand } from './settlement.command';
import { addTransferCommands } from './settlement-transfers.commands';
import { addPayoutCommands } from './settlement-payouts.command';
import * as requests from './settlement.requests';

const KEY_HELP = `
The operator API is --url, else $PAYMENTS_OPERATOR_URL, else ${EMBEDDED_OPERATOR_URL} (the embedded mode).
The operator key is read from $PAYMENTS_OPERATOR_KEY only, never from a flag: a flag would stay in
the shell history and the process list. It is never printed.
Exit: 0 and the API's JSON answer as one line; 1 and one "error: <status> <message>" line (or
"error: cannot reach <url>: <reason>"); 2 for a bad or missing option, before any request.`;

/** Commander's usage errors (a missing option, an unknown one) exit 2 here, like the options checked by the commands. */
function usageExit(error: CommanderError): never {
  throw error.exitCode === 0 ? error : new CommanderError(USAGE_EXIT_CODE, error.code, error.message);
}

/** `settlement <command>`: the operators' settlement API (apps/settlement/README.md) from the command line. */
export function addSettlementCommands(program: Command, io: CliIo, env: NodeJS.ProcessEnv, run: (command: Promise<number>) => Promise<void>): void {
  // Set before the subcommands are made: they inherit it.
  const settlement = program
    .command('settlement')
    .description('Close days, read batches, postings, the trial balance and files, re-send files, import statements, reconcile acquirer reports')
    .exitOverride(usageExit);
  const command = <T extends object>(name: string, description: string, requestOf: (options: T) => OperatorRequest | Promise<OperatorRequest>): Command =>
    settlement
      .command(name)
      .description(description)
      .option('--url <url>', 'the operator API (see below)')
      .addHelpText('after', KEY_HELP)
      .action((options: T & { url?: string }) => run(runSettlementCommand(io, env, options.url, () => requestOf(options))));

  command('close-day', "Close an acquirer's business day; prints its batch (the same one when already closed)", requests.closeDayRequest)
    .requiredOption('--acquirer <id>', "the acquirer (authorization's acquirer id)")
    .requiredOption('--day <YYYY-MM-DD>', 'the business day');
  command('batches', 'List closed batches, newest business day first', requests.batchesRequest)
    .option('--acquirer <id>', 'only this acquirer')
    .option('--day <YYYY-MM-DD>', 'only this business day')
    .option('--limit <n>', 'at most n batches, 1-500 (the API: 50)');
  command('batch', 'One closed batch with its totals', requests.batchRequest).requiredOption('--id <uuid>', 'the batch id');
  command('postings', "A closed batch's postings to the chart of accounts", requests.postingsRequest).requiredOption('--batch <uuid>', 'the batch id');
  command('trial-balance', 'Trial balance over business days: per account and currency, with a check line per currency', requests.trialBalanceRequest)
    .requiredOption('--from <YYYY-MM-DD>', 'first business day')
    .requiredOption('--to <YYYY-MM-DD>', 'last business day (included)')
    .option('--currency <code>', 'only this ISO 4217 currency, e.g. EUR')
    .option('--acquirer <id>', "only this acquirer's postings");
  command('files', "List the acquirers' transaction files, newest business day first", requests.filesRequest)
    .option('--acquirer <id>', 'only this acquirer')
    .option('--day <YYYY-MM-DD>', 'only this business day')
    .option('--status <status>', 'pending, delivered or failed')
    .option('--limit <n>', 'at most n files, 1-500 (the API: 50)');
  command('file', 'One transaction file and how its delivery went', requests.fileRequest).requiredOption('--id <uuid>', 'the file id');
  command('resend', 'Write a file again from its batch and deliver it again (refused unless the bytes are those sent)', requests.resendRequest).requiredOption(
    '--file <uuid>',
    'the file id',
  );
  command('import-statement', 'Import a bank statement file; prints the import with its statements', requests.importStatementRequest)
    .requiredOption('--format <format>', 'camt053, camt054 or mt940')
    .requiredOption('--file <path>', 'the statement file as the bank delivered it')
    .option('--allow-gap', "import although the account's statement numbers have a gap (needs --gap-reason)")
    .option('--gap-reason <text>', 'why the gap is allowed; stored with the import');
  command(
    'import-acquirer-report',
    "Import an acquirer's settlement report and reconcile it; prints the reconciliation report",
    requests.importAcquirerReportRequest,
  )
    .requiredOption('--acquirer <id>', 'the acquirer whose report it is')
    .requiredOption('--file <path>', 'the report as the acquirer delivered it')
    .option('--replace', 'replace the report already reconciled for that day');
  command('acquirer-report', 'One reconciliation report (counts and sums per kind of break)', requests.acquirerReportRequest).requiredOption(
    '--id <uuid>',
    'the report id',
  );
  command('breaks', 'List reconciliation breaks, newest business day first', requests.breaksRequest)
    .option('--status <status>', 'open, resolved or replaced')
    .option('--acquirer <id>', 'only this acquirer')
    .option('--day <YYYY-MM-DD>', 'only this business day')
    .option('--report <uuid>', 'only the breaks of this report')
    .option('--limit <n>', 'at most n breaks, 1-500 (the API: 100)');
  command('resolve-break', 'Resolve an open break with the reason it needs no further action (once)', requests.resolveBreakRequest)
    .requiredOption('--id <uuid>', 'the break id')
    .requiredOption('--reason <text>', 'why; kept with the resolution');
  addTransferCommands(command);
  addPayoutCommands(command);
}
