import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openScratchSchema, type ScratchSchema } from '@payments/persistence/testing';

import { SqlConnectionExecutor } from './sql-connection.executor';

jest.setTimeout(60_000);

/** The outbox relay's raw-SQL surface over a plain connection, on real PostgreSQL and on PGlite (the embedded mode). */
describe.each(['postgres', 'pglite'] as const)(`${SqlConnectionExecutor.name} (%s)`, (kind) => {
  const noMigrations = mkdtempSync(join(tmpdir(), 'executor-spec-'));
  let scratch: ScratchSchema;
  let table: string;
  let sut: SqlConnectionExecutor;

  beforeAll(async () => {
    scratch = await openScratchSchema(kind, { appSchema: 'executor', migrationsDir: noMigrations, poolSize: 2 });
    table = `"${scratch.schema}"."item"`;
    await scratch.db.connection.exec(`CREATE TABLE ${table} ("id" int PRIMARY KEY, "name" text NOT NULL)`);
    sut = new SqlConnectionExecutor(scratch.db.connection);
  });

  afterAll(async () => {
    await scratch?.close();
    rmSync(noMigrations, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await scratch.db.connection.exec(`DELETE FROM ${table}`);
  });

  const names = async () => (await scratch.db.connection.query<{ name: string }>(`SELECT "name" FROM ${table} ORDER BY "id"`)).map((row) => row.name);

  it('returns the rows of a parameterized query', async () => {
    await scratch.db.connection.exec(`INSERT INTO ${table} VALUES (1, 'one'), (2, 'two'), (3, 'three')`);

    const rows = await sut.$queryRawUnsafe<{ id: number; name: string }[]>(`SELECT "id", "name" FROM ${table} WHERE "id" >= $1 ORDER BY "id"`, 2);

    expect(rows).toEqual([
      { id: 2, name: 'two' },
      { id: 3, name: 'three' },
    ]);
  });

  it('returns how many rows a statement changed', async () => {
    await scratch.db.connection.exec(`INSERT INTO ${table} VALUES (1, 'one'), (2, 'two'), (3, 'three')`);

    expect(await sut.$executeRawUnsafe(`DELETE FROM ${table} WHERE "id" = ANY($1::int[])`, [1, 3, 99])).toBe(2);
    expect(await sut.$executeRawUnsafe(`UPDATE ${table} SET "name" = $2 WHERE "id" = $1`, 42, 'none')).toBe(0);
    expect(await names()).toEqual(['two']);
  });

  it('commits what a transaction wrote and returns its result', async () => {
    const result = await sut.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`INSERT INTO ${table} VALUES ($1, $2)`, 1, 'one');
      return tx.$executeRawUnsafe(`INSERT INTO ${table} VALUES ($1, $2)`, 2, 'two');
    });

    expect(result).toBe(1);
    expect(await names()).toEqual(['one', 'two']);
  });

  it('rolls back everything a transaction wrote when it throws, and rethrows', async () => {
    const failure = sut.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`INSERT INTO ${table} VALUES ($1, $2)`, 1, 'one');
      throw new Error('publish failed');
    });

    await expect(failure).rejects.toThrow('publish failed');
    expect(await names()).toEqual([]);
  });

  it('rolls back a transaction that outlives its timeout, releases its session and fails its later statements', async () => {
    let resume!: () => void;
    const stalled = new Promise<void>((resolve) => (resume = resolve));
    let late: Promise<unknown> | undefined;

    const expired = sut.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`INSERT INTO ${table} VALUES ($1, $2)`, 1, 'one');
        await stalled; // a Kafka publish that does not answer
        late = tx.$executeRawUnsafe(`INSERT INTO ${table} VALUES ($1, $2)`, 2, 'two');
        return late;
      },
      { timeout: 300 },
    );

    await expect(expired).rejects.toThrow(/timeout of 300 ms/);
    // Rolled back, not left open: the same key is free at once (an open transaction's uncommitted row would block it).
    expect(await sut.$executeRawUnsafe(`INSERT INTO ${table} VALUES ($1, $2)`, 1, 'again')).toBe(1);
    resume();
    await new Promise((resolve) => setImmediate(resolve));
    await expect(late).rejects.toThrow(/timeout/);
    expect(await names()).toEqual(['again']);
  });
});
