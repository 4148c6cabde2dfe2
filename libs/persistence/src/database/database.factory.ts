import type { Database, DatabaseTarget } from '../database.port';
import { openPglite } from './pglite.database';
import { openPostgres } from './postgres.database';

/**
 * Opens a service's database: real PostgreSQL (distributed mode) or PGlite (embedded mode).
 * Then `new PrismaClient({ adapter: db.adapter })` with the service's own generated client.
 */
export function createDatabase(target: DatabaseTarget): Promise<Database> {
  switch (target.kind) {
    case 'postgres':
      return openPostgres(target);
    case 'pglite':
      return openPglite(target);
  }
}
