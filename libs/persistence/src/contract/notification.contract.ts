import type { Database } from '../database.port';

type OpenDatabase = (schema: string) => Promise<Database>;

const CHANNEL = 'persistence_contract_wake';

function counter(): { count: () => number; next: () => Promise<void>; notify: () => void } {
  let seen = 0;
  let waiters: (() => void)[] = [];
  return {
    count: () => seen,
    next: () => new Promise<void>((resolve) => waiters.push(resolve)),
    notify: () => {
      seen += 1;
      const ready = waiters;
      waiters = [];
      ready.forEach((resolve) => resolve());
    },
  };
}

/** LISTEN/NOTIFY, which wakes the outbox relay when an event commits: delivered on commit only. */
export function describeNotificationContract(open: OpenDatabase): void {
  describe('notifications', () => {
    let db: Database;

    beforeAll(async () => {
      db = await open('persistence_contract_notify');
    });
    afterAll(async () => {
      await db.close();
    });

    it('delivers a NOTIFY once its transaction commits, and never one rolled back', async () => {
      const seen = counter();
      const stop = await db.listen(CHANNEL, seen.notify);
      try {
        const delivered = seen.next();
        await db.connection.transaction(async (tx) => {
          await tx.query(`SELECT pg_notify('${CHANNEL}', '')`);
          await tx.query(`SELECT pg_notify('${CHANNEL}', '')`);
        });
        await delivered;
        expect(seen.count()).toBe(1); // one per transaction: PostgreSQL folds identical ones

        await expect(
          db.connection.transaction(async (tx) => {
            await tx.query(`SELECT pg_notify('${CHANNEL}', '')`);
            throw new Error('rolled back');
          }),
        ).rejects.toThrow('rolled back');
        const after = seen.next();
        await db.connection.query(`SELECT pg_notify('${CHANNEL}', '')`);
        await after;
        expect(seen.count()).toBe(2);
      } finally {
        await stop();
      }
    });

    it('stops calling the listener once stopped, and refuses a channel that is not an identifier', async () => {
      const seen = counter();
      const stop = await db.listen(CHANNEL, seen.notify);
      await stop();
      await db.connection.query(`SELECT pg_notify('${CHANNEL}', '')`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(seen.count()).toBe(0);
      await expect(db.listen('wake; DROP TABLE x', () => undefined)).rejects.toThrow(/channel must match/);
    });
  });
}
