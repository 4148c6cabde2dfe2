import { BankAccountRegistry } from './bank-account.config';
import { ImportStatementFileUseCase } from './import-statement-file.usecase';
import { StatementImport } from './statement-import';
import { StaleStatementImportError, StatementImportDraft, StatementImportRepository } from './statement-import.repository';
import { genericMt940, SAMPLE_ACCOUNTS } from './testing/statement-files.fixture';

/** The repository in memory: what is stored, and a store that can be made to lose a race. */
class InMemoryImports {
  readonly stored: StatementImport[] = [];
  lastSequence = new Map<string, number>();
  /** Before the next store: another import of the same file commits first, and this one goes stale. */
  loseNextRaceTo?: StatementImport;

  findImportByHash(sha: string) {
    return Promise.resolve(this.stored.find((i) => i.fileSha256 === sha));
  }
  findClaimed() {
    return Promise.resolve(undefined);
  }
  lastSequences() {
    return Promise.resolve(this.lastSequence);
  }
  store(draft: StatementImportDraft): Promise<StatementImport> {
    if (this.loseNextRaceTo) {
      this.stored.push({ ...this.loseNextRaceTo, fileSha256: draft.fileSha256 });
      this.loseNextRaceTo = undefined;
      return Promise.reject(new StaleStatementImportError('the same file was imported meanwhile'));
    }
    const { fileSha256, fileName, format, importedBy, gapReason } = draft;
    const created = { id: `import-${this.stored.length + 1}`, fileSha256, fileName, format, importedBy, gapReason, importedAt: new Date(), statements: [] };
    this.stored.push(created);
    return Promise.resolve(created);
  }
}

describe(ImportStatementFileUseCase.name, () => {
  let imports: InMemoryImports;
  let sut: ImportStatementFileUseCase;

  beforeEach(() => {
    imports = new InMemoryImports();
    sut = new ImportStatementFileUseCase(new BankAccountRegistry(SAMPLE_ACCOUNTS), imports as unknown as StatementImportRepository);
  });

  it('checks again when another import committed first, and answers the identical file with that import', async () => {
    imports.loseNextRaceTo = {
      id: 'import-first',
      fileSha256: '',
      fileName: null,
      format: 'mt940',
      importedBy: null,
      gapReason: null,
      importedAt: new Date(),
      statements: [],
    };

    const outcome = await sut.execute({ file: Buffer.from(genericMt940(1)), format: 'mt940' });

    expect(outcome).toMatchObject({ kind: 'imported', created: false, statementImport: { id: 'import-first' } });
    expect(imports.stored).toHaveLength(1);
  });

  it('stores the gap reason only when there was a gap to allow', async () => {
    imports.lastSequence = new Map([['generic-eur', 2]]);
    const allowGap = { reason: 'statement 3 never sent' };

    await sut.execute({ file: Buffer.from(genericMt940(3)), format: 'mt940', allowGap });
    await sut.execute({ file: Buffer.from(genericMt940(5)), format: 'mt940', allowGap });

    expect(imports.stored.map((i) => i.gapReason)).toEqual([null, 'statement 3 never sent']);
  });

  it('refuses a file that is not UTF-8 text as malformed, storing nothing', async () => {
    const latin1 = Buffer.from(genericMt940(1).replace(':86:', ':86:Zahlung M\u00fcller'), 'latin1');

    await expect(sut.execute({ file: latin1, format: 'mt940' })).resolves.toEqual({ kind: 'malformed', message: 'mt940 file: not UTF-8 text' });
    expect(imports.stored).toEqual([]);
  });
});
