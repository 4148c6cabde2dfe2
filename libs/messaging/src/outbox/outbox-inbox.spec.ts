import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describeOutboxInboxContract } from '../testing/outbox-inbox.contract';
import { PgliteSqlExecutor } from '../testing/pglite-sql-executor.adapter';
import { OUTBOX_INBOX_DDL, outboxInboxDdl } from './outbox-inbox.ddl';

describeOutboxInboxContract('PGlite', async () => {
  const db = await PgliteSqlExecutor.open();
  return {
    db,
    exec: (script) => db.exec(script),
    listen: async (channel, onNotify) => {
      const stop = await db.pglite.listen(channel, () => onNotify());
      return () => stop();
    },
    close: () => db.close(),
  };
});

describe('outbox and inbox DDL', () => {
  it('is the same text as libs/messaging/sql/outbox-inbox.sql', () => {
    expect(readFileSync(join(__dirname, '../../sql/outbox-inbox.sql'), 'utf8')).toBe(OUTBOX_INBOX_DDL);
  });

  it('puts the service schema in every table and refuses a schema that is not a plain identifier', () => {
    expect(outboxInboxDdl('settlement')).not.toContain('<schema>');
    expect(outboxInboxDdl('settlement')).toContain('"settlement"."inbox_message"');
    expect(() => outboxInboxDdl('x"; DROP TABLE y; --')).toThrow(/schema must match/);
  });
});
