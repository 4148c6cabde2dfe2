import { Client } from 'pg';

export interface DatabaseSample {
  readonly commits: number;
  /** Statements executed (pg_stat_statements), or undefined where that extension is not loaded. */
  readonly statements?: number;
  /** The same statements by the schema they name first (one service's each), and BEGIN/COMMIT/ROLLBACK. */
  readonly statementsBySchema?: ReadonlyMap<string, number>;
}

/** What a statement that names no schema is counted under. */
const TRANSACTION_CONTROL = 'BEGIN/COMMIT';

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
    const statements = await this.client.query<{ schema: string; n: string }>(
      `SELECT coalesce(substring(query from '"([a-z_][a-z0-9_-]*)"\\.'),
                       CASE WHEN query ~* '^\\s*(begin|commit|rollback|start transaction)' THEN '${TRANSACTION_CONTROL}' ELSE 'other' END) AS schema,
              sum(calls)::text AS n
         FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat%'
        GROUP BY 1`,
    );
    const statementsBySchema = new Map(statements.rows.map((row) => [row.schema, Number(row.n)]));
    const total = [...statementsBySchema.values()].reduce((a, b) => a + b, 0);
    return { commits: Number(commits.rows[0]?.n ?? 0), statements: total, statementsBySchema };
  }

  close(): Promise<void> {
    return this.client.end();
  }
}
