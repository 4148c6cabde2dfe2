import type { Command } from 'commander';

import { CliUsageError } from './cli-usage.error';
import type { OperatorRequest } from './operator-api.client';
import { acquirerIdOf, businessDayOf, limitOf } from './settlement-option.parsers';
import { importAcquirerFileRequest } from './settlement.requests';

/** How `settlement` makes a subcommand (its --url option, the key help, the run). */
export type SettlementCommandMaker = <T extends object>(
  name: string,
  description: string,
  requestOf: (options: T) => OperatorRequest | Promise<OperatorRequest>,
) => Command;

export const FUNDING_STATUSES = ['paid', 'short', 'late', 'pending'] as const;
const MERCHANT_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface ImportTransferFileOptions {
  readonly acquirer: string;
  readonly file: string;
}

export interface MerchantFundingOptions {
  readonly acquirer?: string;
  readonly day?: string;
  readonly merchant?: string;
  readonly status?: string;
  readonly limit?: string;
}

/** The transfer file travels as the settlement report does: its bytes as the body, the file's name in the query. */
export const importTransferFileRequest = (options: ImportTransferFileOptions): Promise<OperatorRequest> => importAcquirerFileRequest(options, 'transfer-files');

export function merchantFundingRequest(options: MerchantFundingOptions): OperatorRequest {
  const { merchant, status } = options;
  if (merchant !== undefined && !MERCHANT_ID.test(merchant)) throw new CliUsageError('--merchant must be 1-64 letters, digits, dots, dashes or underscores');
  if (status !== undefined && !(FUNDING_STATUSES as readonly string[]).includes(status)) {
    throw new CliUsageError(`--status must be one of ${FUNDING_STATUSES.join(', ')}, not "${status}"`);
  }
  const query = {
    acquirerId: options.acquirer === undefined ? undefined : acquirerIdOf('--acquirer', options.acquirer),
    businessDay: options.day === undefined ? undefined : businessDayOf('--day', options.day),
    merchantId: merchant,
    status,
    limit: options.limit === undefined ? undefined : limitOf(options.limit),
  };
  return { method: 'GET', path: '/v1/settlement/merchant-funding', query };
}

/** `settlement import-transfer-file` and `settlement merchant-funding`: the acquirer's transfers and what they paid each merchant. */
export function addTransferCommands(command: SettlementCommandMaker): void {
  command(
    'import-transfer-file',
    "Import an acquirer's per-transfer file and match its lines to the settlement lines; prints the transfer with its outcomes and breaks",
    importTransferFileRequest,
  )
    .requiredOption('--acquirer <id>', 'the acquirer whose transfer it is')
    .requiredOption('--file <path>', 'the transfer file as the acquirer delivered it');
  command('merchant-funding', 'What each acquirer owes each merchant per business day and whether its transfers paid it', merchantFundingRequest)
    .option('--acquirer <id>', 'only this acquirer')
    .option('--day <YYYY-MM-DD>', 'only this business day')
    .option('--merchant <id>', 'only this merchant')
    .option('--status <status>', FUNDING_STATUSES.join(', '))
    .option('--limit <n>', 'at most n rows, 1-500 (the API: 100)');
}
