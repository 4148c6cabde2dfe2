// For other libraries' and apps' tests.
export { describeMessageBusContract, type MessageBusContractOptions } from './message-bus.contract';
export { describeOutboxInboxContract, type OutboxTestDatabase } from './outbox-inbox.contract';
export { PgSqlExecutor } from './pg-sql-executor.adapter';
export { PgliteSqlExecutor } from './pglite-sql-executor.adapter';
export { installTestTracing } from './test-tracing';
export { uniqueSuffix, waitFor } from './wait-for.util';
