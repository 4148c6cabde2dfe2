import { type BankProfileName, type BankStatement, parseBankStatements, StatementFormatError, type StatementFormat } from '@payments/bank-statements';

import { type BankAccountLookup, BankAccountRegistry } from './bank-account.config';

/** A statement of the file, read under its account's bank profile, with what the configuration says of its account. */
export interface ReadStatement {
  readonly statement: BankStatement;
  readonly lookup: BankAccountLookup;
}

export type StatementFileReading =
  { readonly kind: 'read'; readonly statements: readonly ReadStatement[] } | { readonly kind: 'malformed'; readonly error: StatementFormatError };

/**
 * Reads a file's statements, each under the bank profile of the account it names. The account is
 * only known once the file is read, so the file is read under every profile configured for its
 * format (a handful at most) and each statement taken from the reading of its own account's
 * profile. A file unreadable under that profile is malformed, whatever the other readings say.
 */
export function readStatementFile(text: string, format: StatementFormat, registry: BankAccountRegistry): StatementFileReading {
  const profiles = registry.profilesFor(format);
  const readings = new Map<BankProfileName, BankStatement[] | StatementFormatError>(
    (profiles.length > 0 ? profiles : (['standard'] as const)).map((profile) => [profile, readUnder(text, format, profile)]),
  );
  const all = [...readings.values()];
  const base = all.find((reading) => Array.isArray(reading));
  if (!base) return { kind: 'malformed', error: all[0] as StatementFormatError };
  const statements: ReadStatement[] = [];
  for (const [index, first] of base.entries()) {
    const lookup = registry.find(first.account, format);
    const reading = lookup.kind === 'configured' ? readings.get(lookup.bankAccount.profile) : base;
    if (reading instanceof StatementFormatError) return { kind: 'malformed', error: reading };
    statements.push({ statement: reading?.[index] ?? first, lookup });
  }
  return { kind: 'read', statements };
}

function readUnder(text: string, format: StatementFormat, profile: BankProfileName): BankStatement[] | StatementFormatError {
  try {
    return parseBankStatements(text, format, { profile });
  } catch (error) {
    if (error instanceof StatementFormatError) return error;
    throw error;
  }
}
