import { Client } from 'pg';

import { ownerOf } from './statement-owner';

export interface DatabaseSample {
  readonly commits: number;
  /** Statements executed (pg_stat_statements), or undefined where that extension is not loaded. */
  readonly statements?: number;
  /** The same statements by the service (schema) whose tables or functions they use, and BEGIN/COMMIT/ROLLBACK. */
  readonly statementsBySchema?: ReadonlyMap<string, number>;
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
    const statements = await this.client.query<{ query: string; n: string }>(
      `SELECT query, sum(calls)::text AS n
         FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat%'
        GROUP BY query`,
    );
    const schemasByName = await this.schemasByName();
    const statementsBySchema = new Map<string, number>();
    for (const row of statements.rows) {
      const owner = ownerOf(row.query, schemasByName);
      statementsBySchema.set(owner, (statementsBySchema.get(owner) ?? 0) + Number(row.n));
    }
    const total = [...statementsBySchema.values()].reduce((a, b) => a + b, 0);
    return { commits: Number(commits.rows[0]?.n ?? 0), statements: total, statementsBySchema };
  }

  /** Every table and function name of the platform's schemas, with the schemas that have one of that name. */
  private async schemasByName(): Promise<Map<string, Set<string>>> {
    const names = await this.client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema', 'public')
       UNION SELECT routine_schema, routine_name FROM information_schema.routines WHERE routine_schema NOT IN ('pg_catalog', 'information_schema', 'public')`,
    );
    const schemasByName = new Map<string, Set<string>>();
    for (const { schema, name } of names.rows) schemasByName.set(name, (schemasByName.get(name) ?? new Set()).add(schema));
    return schemasByName;
  }

  close(): Promise<void> {
    return this.client.end();
  }
}
