export * from './sql-executor.port';
export * from './sql-connection.port';
export * from './database.port';
export { createDatabase } from './database/database.factory';
export { assertSchemaName } from './database/schema-name.util';
export { applyMigrations, MigrationRunner, PRISMA_MIGRATE_ADVISORY_LOCK, type ApplyMigrationsOptions } from './migration/migration.runner';
export { migrateService, type MigrateServiceOptions } from './migration/migrate-service.usecase';
export { MigrationChecksumError, MigrationFailedError, MigrationLayoutError, MigrationUnfinishedError } from './migration/migration.error';
export { loadMigrationFiles, type MigrationFile } from './migration/migration-files.loader';
