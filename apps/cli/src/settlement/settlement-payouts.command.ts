import type { Command } from 'commander';

import { CliUsageError } from './cli-usage.error';
import type { OperatorRequest } from './operator-api.client';
import { businessDayOf, fileStatusOf, limitOf, uuidOf } from './settlement-option.parsers';

const API = '/v1/settlement';
const PAYOUT_STATUSES = ['held', 'pending', 'sent', 'paid', 'paid_with_difference'] as const;

/** How settlement.program.ts makes a subcommand (its options, --url and the help on the key). */
export type SettlementCommandFactory = <T extends object>(
  name: string,
  description: string,
  requestOf: (options: T) => OperatorRequest | Promise<OperatorRequest>,
) => Command;

export interface PayoutsOptions {
  readonly day?: string;
  readonly merchant?: string;
  readonly status?: string;
  readonly limit?: string;
}

const optional = <T>(value: string | undefined, parse: (value: string) => T): T | undefined => (value === undefined ? undefined : parse(value));

function merchantIdOf(value: string): string {
  if (!/^[A-Za-z0-9]{1,15}$/.test(value)) throw new CliUsageError(`--merchant must be 1-15 letters or digits (ISO 8583 field 42), not "${value}"`);
  return value;
}

function payoutStatusOf(value: string): string {
  if (!(PAYOUT_STATUSES as readonly string[]).includes(value)) throw new CliUsageError(`--status must be one of ${PAYOUT_STATUSES.join(', ')}, not "${value}"`);
  return value;
}

export function payoutsRequest(options: PayoutsOptions): OperatorRequest {
  const query = {
    businessDay: optional(options.day, (day) => businessDayOf('--day', day)),
    merchantId: optional(options.merchant, merchantIdOf),
    status: optional(options.status, payoutStatusOf),
    limit: optional(options.limit, limitOf),
  };
  return { method: 'GET', path: `${API}/payouts`, query };
}

export function payoutFilesRequest(options: Omit<PayoutsOptions, 'merchant'>): OperatorRequest {
  const query = {
    businessDay: optional(options.day, (day) => businessDayOf('--day', day)),
    status: optional(options.status, fileStatusOf),
    limit: optional(options.limit, limitOf),
  };
  return { method: 'GET', path: `${API}/payout-files`, query };
}

/** `settlement payouts`, `payout-files`, `payout-file` and `resend-payout-file`: the merchant payouts and their pain.001 files. */
export function addPayoutCommands(command: SettlementCommandFactory): void {
  command('payouts', 'List merchant payouts (gross, fees, net; held, pending, sent, paid), newest business day first', payoutsRequest)
    .option('--day <YYYY-MM-DD>', 'only this business day')
    .option('--merchant <id>', 'only this merchant')
    .option('--status <status>', PAYOUT_STATUSES.join(', '))
    .option('--limit <n>', 'at most n payouts, 1-500 (the API: 50)');
  command('payout-files', 'List the pain.001 payout files, newest business day first', payoutFilesRequest)
    .option('--day <YYYY-MM-DD>', 'only this business day')
    .option('--status <status>', 'pending, delivered or failed')
    .option('--limit <n>', 'at most n files, 1-500 (the API: 50)');
  command('payout-file', 'One payout file and how its delivery went', (options: { readonly id: string }) => ({
    method: 'GET',
    path: `${API}/payout-files/${uuidOf('--id', options.id)}`,
  })).requiredOption('--id <uuid>', 'the file id');
  command(
    'resend-payout-file',
    'Write a payout file again and deliver it again (refused unless the bytes are those sent)',
    (options: { readonly file: string }) => ({
      method: 'POST',
      path: `${API}/payout-files/${uuidOf('--file', options.file)}/resend`,
    }),
  ).requiredOption('--file <uuid>', 'the file id');
}
