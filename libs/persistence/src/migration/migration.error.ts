/** The migrations folder does not follow Prisma's layout (`<YYYYMMDDHHMMSS>_<name>/migration.sql`). */
export class MigrationLayoutError extends Error {
  override readonly name = 'MigrationLayoutError';
}

/** Applied migrations whose migration.sql changed since: nothing was applied by this run. */
export class MigrationChecksumError extends Error {
  override readonly name = 'MigrationChecksumError';

  constructor(
    readonly schema: string,
    readonly migrations: readonly string[],
  ) {
    super(
      `migration ${migrations.join(', ')} was modified after it was applied to schema ${schema} ` +
        `(checksum differs from ${schema}._prisma_migrations); nothing was applied. Restore the file and add a new migration instead`,
    );
  }
}

/** A migration recorded as started but never finished (a failed `prisma migrate deploy`). */
export class MigrationUnfinishedError extends Error {
  override readonly name = 'MigrationUnfinishedError';

  constructor(
    readonly schema: string,
    readonly migration: string,
  ) {
    super(
      `migration ${migration} is recorded in ${schema}._prisma_migrations as started but not finished; resolve it (prisma migrate resolve) before applying more`,
    );
  }
}

/** A statement of a migration failed: the migration's transaction was rolled back, nothing of it remains. */
export class MigrationFailedError extends Error {
  override readonly name = 'MigrationFailedError';

  constructor(
    readonly migration: string,
    readonly statementNumber: number,
    readonly statement: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`migration ${migration} failed at statement ${statementNumber} (rolled back): ${reason}\n  statement: ${excerpt(statement)}`, { cause });
  }
}

function excerpt(statement: string): string {
  const oneLine = statement.replace(/\s+/g, ' ').trim();
  return oneLine.length > 300 ? `${oneLine.slice(0, 300)}...` : oneLine;
}
