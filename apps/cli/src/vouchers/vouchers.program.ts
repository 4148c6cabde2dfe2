import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import type { Command } from 'commander';

import { KEY_HELP, usageExit } from '../agents/agents.program';
import type { CliIo } from '../runner/cli-io.types';
import { CliUsageError } from '../settlement/cli-usage.error';
import { currencyOf, uuidOf } from '../settlement/settlement-option.parsers';
import { runSettlementCommand } from '../settlement/settlement.command';

const PROVIDER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

interface ImportOptions {
  readonly provider: string;
  readonly denomination: string;
  readonly currency: string;
  readonly csvFile: string;
  readonly expiresAt?: string;
  readonly id?: string;
  readonly url?: string;
}

function providerOf(value: string): string {
  if (!PROVIDER_ID.test(value)) throw new CliUsageError('--provider must be 1-64 letters, digits, dots, dashes or underscores');
  return value;
}

async function importRequestOf(options: ImportOptions) {
  const provider = providerOf(options.provider);
  if (!/^[1-9][0-9]{0,15}$/.test(options.denomination))
    throw new CliUsageError(`--denomination must be a whole number of minor units from 1, not "${options.denomination}"`);
  const currency = currencyOf(options.currency);
  let csv: string;
  try {
    csv = await readFile(options.csvFile, 'utf8');
  } catch (error) {
    throw new CliUsageError(`cannot read --csv-file ${options.csvFile} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  // The same file and options give the same batch id: importing it again answers the first import.
  const id = options.id ? uuidOf('--id', options.id) : batchIdOf([provider, options.denomination, currency, options.expiresAt ?? '', csv]);
  const body = {
    id,
    providerId: provider,
    denomination: Number(options.denomination),
    currency,
    csv,
    ...(options.expiresAt && { expiresAt: options.expiresAt }),
  };
  return { method: 'POST' as const, path: '/v1/agents/voucher-batches', body: { bytes: Buffer.from(JSON.stringify(body)), contentType: 'application/json' } };
}

/** A UUID (version 8 layout) over SHA-256 of the parts. */
function batchIdOf(parts: readonly string[]): string {
  const bytes = createHash('sha256').update(JSON.stringify(parts)).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `vouchers stock` and `vouchers import`: the scratch vouchers' operator API (apps/agents-billing/README.md). No answer holds a code. */
export function addVoucherCommands(program: Command, io: CliIo, env: NodeJS.ProcessEnv, run: (command: Promise<number>) => Promise<void>): void {
  const vouchers = program.command('vouchers').description("Scratch vouchers: a provider's batches and the stock").exitOverride(usageExit);
  vouchers
    .command('stock')
    .description('Stock per provider, denomination and currency: available, expired, sold, returned, blocked, the threshold and whether it is low')
    .option('--provider <id>', "only this provider's stocks")
    .option('--url <url>', 'the operator API (see below)')
    .addHelpText('after', KEY_HELP)
    .action((options: { provider?: string; url?: string }) =>
      run(
        runSettlementCommand(io, env, options.url, () => ({
          method: 'GET',
          path: '/v1/agents/voucher-stock',
          query: { providerId: options.provider === undefined ? undefined : providerOf(options.provider) },
        })),
      ),
    );
  vouchers
    .command('import')
    .description("Import a provider's batch from a CSV file (serial,code per line), whole or not at all")
    .requiredOption('--provider <id>', "the provider's id")
    .requiredOption('--denomination <minor>', "each voucher's value in minor units")
    .requiredOption('--currency <code>', 'ISO 4217, e.g. EUR')
    .requiredOption('--csv-file <path>', 'the batch: serial,code per line, an optional header line')
    .option('--expires-at <iso>', 'after it the batch is never sold (ISO 8601)')
    .option('--id <uuid>', 'the batch id (default: derived from the file and the options, so a re-run is the same import)')
    .option('--url <url>', 'the operator API (see below)')
    .addHelpText('after', KEY_HELP)
    .action((options: ImportOptions) => run(runSettlementCommand(io, env, options.url, () => importRequestOf(options))));
}
