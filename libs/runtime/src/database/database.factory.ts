import { join } from 'node:path';

import { applyMigrations, createDatabase, type Database } from '@payments/persistence';

import { locateMigrations, schemaOf } from './migrations.locator';

export type DatabaseMode =
  | { readonly kind: 'postgres'; readonly url: string; readonly poolSize?: number }
  /** Embedded mode: one PGlite per service under dataRoot (in memory when absent). */
  | { readonly kind: 'pglite'; readonly dataRoot?: string };

export interface DatabaseFactoryOptions {
  readonly mode: DatabaseMode;
  /** Apply the service's migrations when it opens its database (embedded, local runs). */
  readonly migrateOnOpen: boolean;
}

/** Opens each service's own database (its own schema) the way the process host decided. */
export class DatabaseFactory {
  private readonly open_: Database[] = [];
  private readonly byApp = new Map<string, Database>();

  constructor(private readonly options: DatabaseFactoryOptions) {}

  async open(app: string): Promise<Database> {
    const schema = schemaOf(app);
    const { mode } = this.options;
    const db = await createDatabase(
      mode.kind === 'postgres'
        ? { kind: 'postgres', url: mode.url, schema, poolSize: mode.poolSize }
        : { kind: 'pglite', schema, dataDir: mode.dataRoot === undefined ? undefined : join(mode.dataRoot, app) },
    );
    this.open_.push(db);
    this.byApp.set(app, db);
    if (this.options.migrateOnOpen) {
      await applyMigrations({ connection: db.connection, schema, migrationsDir: locateMigrations(app) });
    }
    return db;
  }

  /** The database `open(app)` returned (for LISTEN: the outbox relay's wake-ups). */
  opened(app: string): Database | undefined {
    return this.byApp.get(app);
  }

  async closeAll(): Promise<void> {
    this.byApp.clear();
    const all = this.open_.splice(0);
    await Promise.all(all.map((db) => db.close()));
  }
}
