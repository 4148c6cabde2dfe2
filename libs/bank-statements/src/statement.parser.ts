import { parseCamt } from './camt/camt.parser';
import { BANK_PROFILES, type BankProfileName } from './checks/bank-profile.table';
import { checkStatement } from './checks/statement-balance.check';
import type { BankStatement, StatementFormat } from './model/bank-statement.model';
import { StatementFormatError } from './model/statement-format.error';
import { parseMt940 } from './mt940/mt940.parser';

export interface ParseStatementsOptions {
  /** The bank profile to check the balances under; `standard` unless asked for. */
  readonly profile?: BankProfileName;
}

/**
 * Reads every statement (camt.053, MT940) or notification (camt.054) of a file and checks each
 * on its own (currency, balance). Unreadable input throws a StatementFormatError and yields
 * nothing: a file is taken whole or not at all.
 */
export function parseBankStatements(text: string, format: StatementFormat, options: ParseStatementsOptions = {}): BankStatement[] {
  const profile = BANK_PROFILES[options.profile ?? 'standard'];
  if (!profile.formats.includes(format)) {
    throw new StatementFormatError(format, 'options', `the bank profile ${profile.name} does not apply to ${format}`);
  }
  // A UTF-8 byte order mark, as some banks' Windows exports write, is not part of the content.
  const content = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const drafts = format === 'mt940' ? parseMt940(content) : parseCamt(content, format, profile);
  return drafts.map((draft) => checkStatement(draft, profile));
}
