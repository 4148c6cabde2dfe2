import { applyMigrations, createDatabase } from '@payments/persistence';

import { locateMigrations, schemaOf } from '../database/migrations.locator';

/** The migration Job's entry (Helm pre-install/pre-upgrade): apply one service's migrations, then exit. */
export async function migrateServiceDatabase(app: string, databaseUrl: string): Promise<string[]> {
  const schema = schemaOf(app);
  const db = await createDatabase({ kind: 'postgres', url: databaseUrl, schema });
  try {
    return await applyMigrations({ connection: db.connection, schema, migrationsDir: locateMigrations(app) });
  } finally {
    await db.close();
  }
}

/** `node dist/apps/<app>/src/migrate.js`: reads DATABASE_URL, applies, prints what it applied, exits. */
export function runMigrationJob(app: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const url = env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments';
  return migrateServiceDatabase(app, url).then(
    (applied) => console.log(JSON.stringify({ service: app, msg: 'migrations applied', applied })),
    (error: unknown) => {
      console.error(JSON.stringify({ service: app, msg: 'migration failed', error: error instanceof Error ? error.message : String(error) }));
      process.exit(1);
    },
  );
}
