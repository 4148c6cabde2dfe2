import type { Database } from '../database.port';
import { describeMigrationContract } from './migration.contract';
import { describeNotificationContract } from './notification.contract';
import { describePrismaAdapterContract } from './prisma-adapter.contract';

/**
 * The one suite every database kind passes (PGlite in the unit tier, PostgreSQL in the int tier),
 * so the embedded mode cannot drift from the distributed one. open(schema) returns a new Database
 * whose adapter and connection are scoped to that schema.
 */
export function describePersistenceContract(open: (schema: string) => Promise<Database>): void {
  describeMigrationContract(open);
  describePrismaAdapterContract(open);
  describeNotificationContract(open);
}
