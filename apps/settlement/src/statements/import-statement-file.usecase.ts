import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import type { StatementFormat } from '@payments/bank-statements';

import { BankAccountRegistry } from './bank-account.config';
import { readStatementFile } from './statement-file.reader';
import { checkStatements, sequenceFindings } from './statement-import.checks';
import { StatementImport } from './statement-import';
import { StaleStatementImportError, StatementImportRepository } from './statement-import.repository';

export interface ImportStatementFileCommand {
  /** The file exactly as received: its SHA-256 identifies it. */
  readonly file: Uint8Array;
  readonly format: StatementFormat;
  readonly fileName?: string;
  /** The operator key's id, when an operator imports it. */
  readonly importedBy?: string;
  /** An operator's explicit leave to import past a sequence gap, and why (stored with the import). */
  readonly allowGap?: { readonly reason: string };
}

export type ImportStatementFileOutcome =
  /** `created`: this call stored it; otherwise the identical file was imported before and this is that import. */
  | { readonly kind: 'imported'; readonly statementImport: StatementImport; readonly created: boolean }
  /** The file cannot be read: the message names the element or the line. */
  | { readonly kind: 'malformed'; readonly message: string }
  /** Another file already brought one of its statements, or this file was imported in another format. */
  | { readonly kind: 'duplicate'; readonly reason: string; readonly originalImportId: string }
  /** Unbalanced, its own totals contradicted, an account not configured or in another currency, a statement twice in the file. */
  | { readonly kind: 'refused'; readonly reasons: readonly string[] }
  /** The account's series would have a hole (or go backwards); `allowGap` with a reason lets it through. */
  | { readonly kind: 'sequence_gap'; readonly reasons: readonly string[] };

/** Stale checks are redone this many times (each time another import of the same accounts committed first). */
const ATTEMPTS = 3;

/**
 * Imports a bank statement file: read under each account's bank profile, every check run, and
 * then all its statements stored, with their events, in one transaction, or nothing at all.
 * The identical file again answers the first import; nothing is booked from a file that fails.
 */
@Injectable()
export class ImportStatementFileUseCase {
  constructor(
    private readonly accounts: BankAccountRegistry,
    private readonly imports: StatementImportRepository,
  ) {}

  async execute(command: ImportStatementFileCommand): Promise<ImportStatementFileOutcome> {
    const fileSha256 = createHash('sha256').update(command.file).digest('hex');
    for (let attempt = 1; ; attempt += 1) {
      try {
        const outcome = await this.attempt(command, fileSha256);
        if (outcome.kind !== 'duplicate' && outcome.kind !== 'sequence_gap') return outcome;
        // Refused for what is stored: if that is this very file, imported meanwhile by a concurrent call, it answers its import.
        const meanwhile = await this.imports.findImportByHash(fileSha256);
        return meanwhile?.format === command.format ? { kind: 'imported', statementImport: meanwhile, created: false } : outcome;
      } catch (error) {
        if (!(error instanceof StaleStatementImportError) || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  private async attempt(command: ImportStatementFileCommand, fileSha256: string): Promise<ImportStatementFileOutcome> {
    const original = await this.imports.findImportByHash(fileSha256);
    if (original?.format === command.format) return { kind: 'imported', statementImport: original, created: false };
    if (original) return { kind: 'duplicate', reason: `this file was imported as ${original.format} by import ${original.id}`, originalImportId: original.id };
    const text = textOf(command.file);
    if (text === undefined) return { kind: 'malformed', message: `${command.format} file: not UTF-8 text` };
    const reading = readStatementFile(text, command.format, this.accounts);
    if (reading.kind === 'malformed') return { kind: 'malformed', message: reading.error.message };
    if (reading.statements.length === 0) return { kind: 'refused', reasons: [`${command.format} file: holds no statement`] };
    const checks = checkStatements(reading.statements, command.format);
    if (checks.kind === 'refused') return checks;
    const claimed = await this.imports.findClaimed(checks.statements);
    if (claimed) {
      const reason = `statement ${claimed.bankStatementId} was imported from another file by import ${claimed.importId}`;
      return { kind: 'duplicate', reason, originalImportId: claimed.importId };
    }
    const lastSequence = await this.imports.lastSequences([...new Set(checks.statements.map((s) => s.bankAccount.id))]);
    const gaps = sequenceFindings(checks.statements, lastSequence);
    if (gaps.length > 0 && !command.allowGap) return { kind: 'sequence_gap', reasons: gaps };
    const statementImport = await this.imports.store({
      fileSha256,
      fileName: command.fileName ?? null,
      format: command.format,
      importedBy: command.importedBy ?? null,
      gapReason: gaps.length > 0 ? (command.allowGap?.reason ?? null) : null,
      statements: checks.statements,
      lastSequence,
    });
    return { kind: 'imported', statementImport, created: true };
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The file as text (a byte order mark kept for the parser to skip), or undefined when it is not UTF-8. */
function textOf(file: Uint8Array): string | undefined {
  try {
    return UTF8.decode(file);
  } catch {
    return undefined;
  }
}
