import { setTimeout as sleep } from 'node:timers/promises';

import type { Database } from '../database.port';
import { applyMigrations } from '../migration/migration.runner';
import type { TransactionalSqlExecutor } from '../sql-executor.port';
import { FIXTURE_MIGRATIONS, FIXTURE_SCHEMA, Prisma, PrismaClient } from '../persistence-fixture.contract';

type OpenDatabase = (schema: string) => Promise<Database>;

class InsufficientFunds extends Error {}

/** Moves amount from one account to another only if the source covers it (one conditional UPDATE). */
async function transfer(client: PrismaClient, from: string, to: string, amount: bigint): Promise<boolean> {
  try {
    await client.$transaction(async (tx) => {
      const debited = await tx.account.updateMany({ where: { id: from, balanceMinor: { gte: amount } }, data: { balanceMinor: { decrement: amount } } });
      if (debited.count !== 1) throw new InsufficientFunds();
      await tx.account.update({ where: { id: to }, data: { balanceMinor: { increment: amount } } });
    });
    return true;
  } catch (error) {
    if (error instanceof InsufficientFunds) return false;
    throw error;
  }
}

/** A service's generated Prisma client over db.adapter: the same results on every database kind. */
export function describePrismaAdapterContract(open: OpenDatabase): void {
  describe('Prisma client through the adapter', () => {
    let db: Database;
    let client: PrismaClient;

    beforeAll(async () => {
      db = await open(FIXTURE_SCHEMA);
      // Runs on a shared PostgreSQL start from an empty fixture schema.
      await db.connection.exec(`DROP SCHEMA IF EXISTS "${FIXTURE_SCHEMA}" CASCADE`);
      await applyMigrations({ connection: db.connection, schema: FIXTURE_SCHEMA, migrationsDir: FIXTURE_MIGRATIONS });
      client = new PrismaClient({ adapter: db.adapter });
    });
    beforeEach(async () => {
      await client.account.deleteMany();
    });
    afterAll(async () => {
      await client.$disconnect();
      await db.close();
    });

    it('writes and reads back every column type, and reports a duplicate as P2002', async () => {
      const createdAt = new Date('2026-11-20T10:15:30.123Z');
      const fingerprint = Uint8Array.from([0, 1, 254, 255]);
      await client.account.create({
        data: {
          id: 'acc-1',
          holder: 'merchant-1',
          balanceMinor: 9_007_199_254_740_993n,
          currency: 'EUR',
          metadata: { tier: 'gold', limits: [1, 2] },
          fingerprint,
          createdAt,
        },
      });

      const read = await client.account.findUniqueOrThrow({ where: { id: 'acc-1' } });
      expect(read.balanceMinor).toBe(9_007_199_254_740_993n);
      expect(read.metadata).toEqual({ tier: 'gold', limits: [1, 2] });
      expect(Array.from(read.fingerprint ?? [])).toEqual([0, 1, 254, 255]);
      expect(read.createdAt.toISOString()).toBe(createdAt.toISOString());
      expect(await client.account.count({ where: { createdAt: { gte: createdAt } } })).toBe(1);

      const duplicate = client.account.create({ data: { id: 'acc-2', holder: 'merchant-1', balanceMinor: 0n, currency: 'EUR' } });
      await expect(duplicate).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
      await expect(duplicate).rejects.toMatchObject({ code: 'P2002' });
      await client.account.delete({ where: { id: 'acc-1' } });
      expect(await client.account.count()).toBe(0);
    });

    it('keeps concurrent transfers consistent: the sum holds, the limit holds, readers never see half a transfer', async () => {
      await client.account.createMany({
        data: [
          { id: 'A', holder: 'payer', balanceMinor: 150n, currency: 'EUR' },
          { id: 'B', holder: 'payee', balanceMinor: 0n, currency: 'EUR' },
        ],
      });
      const sums: bigint[] = [];
      const readSum = async () => sums.push((await client.account.aggregate({ _sum: { balanceMinor: true } }))._sum.balanceMinor ?? -1n);

      const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => [transfer(client, 'A', 'B', 10n), readSum().then(() => i)]).flat());

      expect(outcomes.filter((outcome) => outcome === true)).toHaveLength(15);
      expect(sums).toHaveLength(20);
      expect(sums.every((sum) => sum === 150n)).toBe(true);
      const [a, b] = await Promise.all(['A', 'B'].map((id) => client.account.findUniqueOrThrow({ where: { id } })));
      expect([a?.balanceMinor, b?.balanceMinor]).toEqual([0n, 150n]);
    });

    it('leaves nothing of a rolled-back transaction, even to a query issued while it was open', async () => {
      let seenDuring: Promise<number> | undefined;
      const failed = client.$transaction(async (tx) => {
        await tx.account.create({ data: { id: 'ghost', holder: 'ghost', balanceMinor: 1n, currency: 'EUR' } });
        seenDuring = client.account.count();
        await sleep(50);
        throw new Error('declined by the host');
      });

      await expect(failed).rejects.toThrow('declined by the host');
      expect(await seenDuring).toBe(0);
      expect(await client.account.count()).toBe(0);
    });

    it('runs raw SQL of shared code (SqlExecutor) in the service schema without qualifying names', async () => {
      const executor: TransactionalSqlExecutor = client;
      await executor.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`INSERT INTO "account" ("id", "holder", "balance_minor", "currency") VALUES ($1, $2, $3, 'EUR')`, 'raw-1', 'raw', 42n);
      });

      const rows = await executor.$queryRawUnsafe<Array<{ total: bigint }>>('SELECT "account_total"() AS total');
      expect(rows[0]?.total).toBe(42n);
    });
  });
}
