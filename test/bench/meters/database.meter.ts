import { Client } from 'pg';

export interface DatabaseSample {
  readonly commits: number;
  /** Statements executed (pg_stat_statements), or undefined where that extension is not loaded. */
  readonly statements?: number;
}

/**
 * Commits (pg_stat_database) and statements (pg_stat_statements) of the platform's database, to
 * divide by the purchases a load step made. Its own queries are left out of the count.
 */
export class DatabaseMeter {
  private constructor(
    private readonly client: Client,
    readonly statementsCounted: boolean,
  ) {}

  static async open(url: string): Promise<DatabaseMeter> {
    const client = new Client({ connectionString: url });
    await client.connect();
    const counted = await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements').then(
      () => client.query('SELECT 1 FROM pg_stat_statements LIMIT 1').then(() => true),
      () => false,
    );
    return new DatabaseMeter(client, counted);
  }

  async sample(): Promise<DatabaseSample> {
    // Statistics reach the views when a backend reports them; this flushes this session's own.
    const commits = await this.client.query<{ n: string }>('SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = current_database()');
    if (!this.statementsCounted) return { commits: Number(commits.rows[0]?.n ?? 0) };
    const statements = await this.client.query<{ n: string | null }>(
      `SELECT sum(calls)::text AS n FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat%'`,
    );
    return { commits: Number(commits.rows[0]?.n ?? 0), statements: Number(statements.rows[0]?.n ?? 0) };
  }

  close(): Promise<void> {
    return this.client.end();
  }
}
