import type { SettlementStatementImported } from '@payments/contracts';
import type { BankProfileName, StatementBalance, StatementEntry, StatementFormat, StatementSequence } from '@payments/bank-statements';

/** A statement as stored: its balances, its booked sums and the warnings it was imported with. */
export interface StoredStatement {
  /** The platform's id. */
  readonly id: string;
  readonly importId: string;
  readonly bankAccountId: string;
  readonly account: string;
  readonly format: StatementFormat;
  /** The bank's id (camt Stmt/Id, MT940 :20:). */
  readonly bankStatementId: string;
  readonly currency: string;
  readonly sequence: StatementSequence | null;
  readonly profile: BankProfileName;
  readonly opening: Omit<StatementBalance, 'currency'> | null;
  readonly closing: Omit<StatementBalance, 'currency'> | null;
  readonly forwardAvailable: Omit<StatementBalance, 'currency'> | null;
  readonly entryCount: number;
  /** Sums of the booked entries (pending and informational ones left out, as in the balance). */
  readonly creditMinor: bigint;
  readonly debitMinor: bigint;
  /** The library's warnings (a withdrawn currency, value-dated entries, entries not booked). */
  readonly warnings: readonly string[];
  readonly importedAt: Date;
}

/** One imported file: all its statements were stored in one transaction. */
export interface StatementImport {
  readonly id: string;
  /** SHA-256 of the file's bytes, hex: the same file again is the same import. */
  readonly fileSha256: string;
  readonly fileName: string | null;
  readonly format: StatementFormat;
  readonly importedAt: Date;
  /** The operator key's id (a prefix of its configured hash), when the import came through the API. */
  readonly importedBy: string | null;
  /** Why an operator let a sequence gap through; null when there was none to allow. */
  readonly gapReason: string | null;
  readonly statements: readonly StoredStatement[];
}

/** The booked credits and debits of a statement's entries. */
export function bookedSums(entries: readonly StatementEntry[]): { creditMinor: bigint; debitMinor: bigint } {
  const booked = entries.filter((entry) => entry.status === 'booked');
  const sum = (direction: StatementEntry['direction']) => booked.filter((e) => e.direction === direction).reduce((total, e) => total + e.amountMinor, 0n);
  return { creditMinor: sum('credit'), debitMinor: sum('debit') };
}

/** The account number's last four characters behind asterisks: enough for an operator to recognise it. */
export const maskedAccount = (account: string): string => `****${account.replace(/[^A-Za-z0-9]/g, '').slice(-4)}`;

const balanceText = (balance: StoredStatement['opening']) => balance && { amountMinor: balance.amountMinor.toString(), date: balance.date };

/** `settlement.statement.imported.v1` of a stored statement: no entries, no remittance text, the account masked. */
export function statementImportedEventOf(statement: StoredStatement): SettlementStatementImported {
  return {
    importId: statement.importId,
    statementId: statement.id,
    bankAccountId: statement.bankAccountId,
    accountMasked: maskedAccount(statement.account),
    format: statement.format,
    currency: statement.currency,
    sequenceNumber: statement.sequence?.number ?? null,
    opening: balanceText(statement.opening),
    closing: balanceText(statement.closing),
    entryCount: statement.entryCount,
    creditMinor: statement.creditMinor.toString(),
    debitMinor: statement.debitMinor.toString(),
    importedAt: statement.importedAt.toISOString(),
  };
}
