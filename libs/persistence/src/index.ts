export * from './sql-executor.port';
