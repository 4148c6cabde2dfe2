import type { SqlQueryRunner } from '../sql-connection.port';

/** BEGIN ... COMMIT on one pinned session; ROLLBACK and rethrow when fn fails. */
export async function inTransaction<T>(runner: SqlQueryRunner, fn: (tx: SqlQueryRunner) => Promise<T>): Promise<T> {
  await runner.exec('BEGIN');
  try {
    const result = await fn(runner);
    await runner.exec('COMMIT');
    return result;
  } catch (error) {
    // The rollback's own failure (connection lost) must not hide the error that caused it.
    await runner.exec('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
