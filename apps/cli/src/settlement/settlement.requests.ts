import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

import { CliUsageError } from './cli-usage.error';
import type { OperatorRequest } from './operator-api.client';
import {
  acquirerIdOf,
  breakStatusOf,
  businessDayOf,
  currencyOf,
  fileStatusOf,
  limitOf,
  reasonOf,
  statementFormatOf,
  uuidOf,
} from './settlement-option.parsers';

/** Each command's options mapped to its operator API call (apps/settlement/README.md), checked first. */
const API = '/v1/settlement';

export interface CloseDayOptions {
  readonly acquirer: string;
  readonly day: string;
}

export interface DayFilterOptions {
  readonly acquirer?: string;
  readonly day?: string;
  readonly limit?: string;
}

export interface FilesOptions extends DayFilterOptions {
  readonly status?: string;
}

export interface TrialBalanceOptions {
  readonly from: string;
  readonly to: string;
  readonly currency?: string;
  readonly acquirer?: string;
}

export interface ImportStatementOptions {
  readonly format: string;
  readonly file: string;
  readonly allowGap?: boolean;
  readonly gapReason?: string;
}

export interface ImportAcquirerReportOptions {
  readonly acquirer: string;
  readonly file: string;
  readonly replace?: boolean;
}

export interface BreaksOptions extends DayFilterOptions {
  readonly status?: string;
  readonly report?: string;
}

const optional = <T>(value: string | undefined, parse: (value: string) => T): T | undefined => (value === undefined ? undefined : parse(value));

export function closeDayRequest(options: CloseDayOptions): OperatorRequest {
  const acquirerId = acquirerIdOf('--acquirer', options.acquirer);
  return { method: 'POST', path: `${API}/acquirers/${acquirerId}/business-days/${businessDayOf('--day', options.day)}/close` };
}

export function batchesRequest(options: DayFilterOptions): OperatorRequest {
  return { method: 'GET', path: `${API}/batches`, query: dayFilterOf(options) };
}

export function batchRequest(options: { readonly id: string }): OperatorRequest {
  return { method: 'GET', path: `${API}/batches/${uuidOf('--id', options.id)}` };
}

export function postingsRequest(options: { readonly batch: string }): OperatorRequest {
  return { method: 'GET', path: `${API}/batches/${uuidOf('--batch', options.batch)}/postings` };
}

export function trialBalanceRequest(options: TrialBalanceOptions): OperatorRequest {
  const from = businessDayOf('--from', options.from);
  const to = businessDayOf('--to', options.to);
  if (to < from) throw new CliUsageError(`--to ${to} is before --from ${from}`);
  const query = { from, to, currency: optional(options.currency, currencyOf), acquirerId: optional(options.acquirer, (id) => acquirerIdOf('--acquirer', id)) };
  return { method: 'GET', path: `${API}/trial-balance`, query };
}

export function filesRequest(options: FilesOptions): OperatorRequest {
  return { method: 'GET', path: `${API}/files`, query: { ...dayFilterOf(options), status: optional(options.status, fileStatusOf) } };
}

export function fileRequest(options: { readonly id: string }): OperatorRequest {
  return { method: 'GET', path: `${API}/files/${uuidOf('--id', options.id)}` };
}

export function resendRequest(options: { readonly file: string }): OperatorRequest {
  return { method: 'POST', path: `${API}/files/${uuidOf('--file', options.file)}/resend` };
}

/** The file's bytes as the body, as the bank delivered them; its name kept with the import. */
export async function importStatementRequest(options: ImportStatementOptions): Promise<OperatorRequest> {
  const format = statementFormatOf(options.format);
  if (options.allowGap === true && options.gapReason === undefined) throw new CliUsageError('--allow-gap needs --gap-reason "<why the numbers are missing>"');
  if (options.allowGap !== true && options.gapReason !== undefined) throw new CliUsageError('--gap-reason goes with --allow-gap');
  const query = { format, fileName: basename(options.file), allowGap: options.allowGap === true ? 'true' : undefined, gapReason: options.gapReason };
  const contentType = format === 'mt940' ? 'text/plain' : 'application/xml';
  return { method: 'POST', path: `${API}/statements`, query, body: { bytes: await fileBytes(options.file), contentType } };
}

/** The acquirer's file as the body, its bytes as delivered (the API bounds it by SETTLEMENT_ACQUIRER_FILE_MAX_BYTES); its name kept with the import. */
export async function importAcquirerFileRequest(options: ImportAcquirerReportOptions, kind: 'settlement-reports' | 'transfer-files'): Promise<OperatorRequest> {
  const acquirerId = acquirerIdOf('--acquirer', options.acquirer);
  const query = { fileName: basename(options.file), replace: options.replace === true ? 'true' : undefined };
  const bytes = await fileBytes(options.file);
  return { method: 'POST', path: `${API}/acquirers/${encodeURIComponent(acquirerId)}/${kind}`, query, body: { bytes, contentType: 'text/csv' } };
}

export const importAcquirerReportRequest = (options: ImportAcquirerReportOptions) => importAcquirerFileRequest(options, 'settlement-reports');

export function acquirerReportRequest(options: { readonly id: string }): OperatorRequest {
  return { method: 'GET', path: `${API}/acquirer-reports/${uuidOf('--id', options.id)}` };
}

export function breaksRequest(options: BreaksOptions): OperatorRequest {
  const query = {
    ...dayFilterOf(options),
    status: optional(options.status, breakStatusOf),
    reportId: optional(options.report, (id) => uuidOf('--report', id)),
  };
  return { method: 'GET', path: `${API}/reconciliation-breaks`, query };
}

export function resolveBreakRequest(options: { readonly id: string; readonly reason: string }): OperatorRequest {
  const body = { reason: reasonOf(options.reason) };
  return {
    method: 'POST',
    path: `${API}/reconciliation-breaks/${uuidOf('--id', options.id)}/resolve`,
    body: { bytes: Buffer.from(JSON.stringify(body)), contentType: 'application/json' },
  };
}

function dayFilterOf(options: DayFilterOptions): OperatorRequest['query'] {
  return {
    acquirerId: optional(options.acquirer, (id) => acquirerIdOf('--acquirer', id)),
    businessDay: optional(options.day, (day) => businessDayOf('--day', day)),
    limit: optional(options.limit, limitOf),
  };
}

async function fileBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new CliUsageError(`cannot read --file ${path} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
}
