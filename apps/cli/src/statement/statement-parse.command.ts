import { readFile } from 'node:fs/promises';

import {
  BANK_PROFILE_NAMES,
  checkExpectedAccount,
  checkStatementSequence,
  isBankProfileName,
  parseBankStatements,
  STATEMENT_FORMATS,
  type BankStatement,
  type StatementFormat,
  type StatementIssue,
} from '@payments/bank-statements';

import { CliInputError } from '../runner/cli-input.error';
import type { CliIo } from '../runner/cli-io.types';
import { runCommand } from '../runner/cli-command.runner';
import { formatStatementsJson } from './statement-json.format';

export interface StatementParseOptions {
  readonly format: string;
  readonly file: string;
  readonly profile: string;
  readonly account?: string;
  readonly currency?: string;
}

/**
 * `statement parse --format --file`: one JSON line of the file's statements. Unreadable input, a
 * statement repeated or missing in the file's series, or (when asked) another account or currency
 * exit 1 with one `error:` line. What a statement says about itself (unbalanced, a balance in
 * another currency, value-dated entries) is in `balanced` and in `warning:` lines on stderr.
 */
export function runStatementParse(options: StatementParseOptions, io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const format = statementFormat(options.format);
    if (!isBankProfileName(options.profile)) {
      throw new CliInputError(`unknown --profile ${options.profile}; known: ${BANK_PROFILE_NAMES.join(', ')}`);
    }
    const statements = parseBankStatements(await readStatementFile(options.file), format, { profile: options.profile });
    const refused = [...checkStatementSequence(statements), ...statements.flatMap((statement) => expectedAccountIssues(statement, options))];
    if (refused.length > 0) throw new CliInputError(refused.map((issue) => issue.message).join('; '));
    const warnings = statements.flatMap((statement) => statement.issues.map((issue) => warningLine(statement, issue)));
    const output = formatStatementsJson(statements);
    for (const line of warnings) io.stderr.write(line);
    return output;
  });
}

function statementFormat(value: string): StatementFormat {
  const format = STATEMENT_FORMATS.find((known) => known === value);
  if (format === undefined) throw new CliInputError(`unknown --format ${value}; known: ${STATEMENT_FORMATS.join(', ')}`);
  return format;
}

async function readStatementFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new CliInputError(`cannot read --file ${path} (${code})`);
  }
}

function expectedAccountIssues(statement: BankStatement, options: StatementParseOptions): StatementIssue[] {
  if (options.account === undefined && options.currency === undefined) return [];
  return checkExpectedAccount(statement, {
    account: options.account ?? statement.account,
    currency: options.currency ?? statement.currency,
  });
}

function warningLine(statement: BankStatement, issue: StatementIssue): string {
  return `warning: statement ${statement.id}: ${issue.code}: ${issue.message}\n`;
}
