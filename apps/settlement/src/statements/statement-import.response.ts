import type { StatementEntry } from '@payments/bank-statements';

import { StatementImport, StoredStatement } from './statement-import';

type BalanceResponse = { amountMinor: string; date: string } | null;

/** A stored statement as the operators' API shows it: amounts as exact decimal text. */
export interface StatementResponse {
  statementId: string;
  importId: string;
  bankAccountId: string;
  account: string;
  format: string;
  bankStatementId: string;
  currency: string;
  sequenceNumber: number | null;
  sequencePage: number | null;
  profile: string;
  opening: BalanceResponse;
  closing: BalanceResponse;
  forwardAvailable: BalanceResponse;
  entryCount: number;
  creditMinor: string;
  debitMinor: string;
  warnings: readonly string[];
  importedAt: string;
}

export interface StatementImportResponse {
  importId: string;
  fileSha256: string;
  fileName: string | null;
  format: string;
  importedAt: string;
  importedBy: string | null;
  gapReason: string | null;
  statements: StatementResponse[];
}

export type EntryResponse = Omit<StatementEntry, 'amountMinor'> & { amountMinor: string };

const balanceOf = (balance: StoredStatement['opening']): BalanceResponse => balance && { amountMinor: balance.amountMinor.toString(), date: balance.date };

export function statementResponseOf(statement: StoredStatement): StatementResponse {
  return {
    statementId: statement.id,
    importId: statement.importId,
    bankAccountId: statement.bankAccountId,
    account: statement.account,
    format: statement.format,
    bankStatementId: statement.bankStatementId,
    currency: statement.currency,
    sequenceNumber: statement.sequence?.number ?? null,
    sequencePage: statement.sequence?.page ?? null,
    profile: statement.profile,
    opening: balanceOf(statement.opening),
    closing: balanceOf(statement.closing),
    forwardAvailable: balanceOf(statement.forwardAvailable),
    entryCount: statement.entryCount,
    creditMinor: statement.creditMinor.toString(),
    debitMinor: statement.debitMinor.toString(),
    warnings: statement.warnings,
    importedAt: statement.importedAt.toISOString(),
  };
}

export function statementImportResponseOf(statementImport: StatementImport): StatementImportResponse {
  return {
    importId: statementImport.id,
    fileSha256: statementImport.fileSha256,
    fileName: statementImport.fileName,
    format: statementImport.format,
    importedAt: statementImport.importedAt.toISOString(),
    importedBy: statementImport.importedBy,
    gapReason: statementImport.gapReason,
    statements: statementImport.statements.map(statementResponseOf),
  };
}

export const entryResponseOf = (entry: StatementEntry): EntryResponse => ({ ...entry, amountMinor: entry.amountMinor.toString() });
