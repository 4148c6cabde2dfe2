import { Pool } from 'pg';

import { describeOutboxInboxContract } from '../testing/outbox-inbox.contract';
import { PgSqlExecutor } from '../testing/pg-sql-executor.adapter';

describeOutboxInboxContract('PostgreSQL', () => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments', max: 5 });
  const db = new PgSqlExecutor(pool);
  return Promise.resolve({
    db,
    exec: async (script) => void (await pool.query(script)),
    close: () => pool.end(),
  });
});
