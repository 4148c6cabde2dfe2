import { Client, Pool } from 'pg';

import { describeOutboxInboxContract } from '../testing/outbox-inbox.contract';
import { PgSqlExecutor } from '../testing/pg-sql-executor.adapter';

describeOutboxInboxContract('PostgreSQL', () => {
  const url = process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments';
  const pool = new Pool({ connectionString: url, max: 5 });
  const db = new PgSqlExecutor(pool);
  return Promise.resolve({
    db,
    exec: async (script) => void (await pool.query(script)),
    listen: async (channel, onNotify) => {
      const client = new Client({ connectionString: url });
      client.on('notification', () => onNotify());
      await client.connect();
      await client.query(`LISTEN "${channel}"`);
      return () => client.end();
    },
    close: () => pool.end(),
  });
});
