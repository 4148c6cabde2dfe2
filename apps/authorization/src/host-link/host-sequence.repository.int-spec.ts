import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { createDatabase, type Database } from '@payments/persistence';

import { PrismaClient } from '../generated/prisma/client';
import { HostSequenceRepository } from './host-sequence.repository';
import { SHARED_RRN_SEQUENCE, StanAllocator } from './stan.allocator';

jest.setTimeout(30_000);

const url = process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments';
const MIGRATION = join(__dirname, '..', '..', 'prisma', 'migrations', '20261130030000_created_host_sequence', 'migration.sql');
const SHARED_RRN_MIGRATION = join(__dirname, '..', '..', 'prisma', 'migrations', '20261206200000_started_shared_rrn_sequence', 'migration.sql');
const AT = new Date('2026-11-22T05:47:30Z');

describe(HostSequenceRepository.name, () => {
  // A schema of its own, so the test neither needs nor disturbs the service's "authorization" schema
  // (the repository's raw SQL follows the connection's search_path; Prisma model queries would not).
  const schema = `host_sequence_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let db: Database;
  let client: PrismaClient;
  let sut: HostSequenceRepository;

  beforeAll(async () => {
    db = await createDatabase({ kind: 'postgres', url, schema, poolSize: 5 });
    await db.connection.exec(`CREATE SCHEMA "${schema}"`);
    await db.connection.exec(readFileSync(MIGRATION, 'utf8').replaceAll('"authorization".', `"${schema}".`));
    client = new PrismaClient({ adapter: db.adapter });
    sut = new HostSequenceRepository(client);
  });

  afterAll(async () => {
    await client?.$disconnect();
    await db?.connection.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await db?.close();
  });

  it('reserves consecutive blocks per acquirer and counter, starting at 1', async () => {
    const blocks = [
      await sut.reserve('acq-1', 'stan', 100),
      await sut.reserve('acq-1', 'stan', 100),
      await sut.reserve('acq-1', 'rrn', 50),
      await sut.reserve('acq-2', 'stan', 100),
    ];

    expect(blocks).toEqual([
      { first: 1, last: 100 },
      { first: 101, last: 200 },
      { first: 1, last: 50 },
      { first: 1, last: 100 },
    ]);
  });

  it('wraps to 1 when a block would pass 999999', async () => {
    await db.connection.query(`INSERT INTO "${schema}"."host_sequence" ("acquirer_id", "last_stan") VALUES ($1, $2)`, ['acq-wrap', 999_950]);

    await expect(sut.reserve('acq-wrap', 'stan', 100)).resolves.toEqual({ first: 1, last: 100 });
  });

  it('never gives overlapping blocks to concurrent reservations (separate connections)', async () => {
    const blocks = await Promise.all(Array.from({ length: 20 }, () => sut.reserve('acq-3', 'stan', 10)));

    const numbers = blocks.flatMap((b) => Array.from({ length: b.last - b.first + 1 }, (_, i) => b.first + i));
    expect(new Set(numbers).size).toBe(200);
    expect(Math.max(...numbers)).toBe(200);
  });

  it('lets a restarted allocator continue after what the previous process reserved', async () => {
    const first = new StanAllocator('acq-4', sut, { blockSize: 100 });
    await first.prime();
    const before = [first.next(AT), first.next(AT)];

    const restarted = new StanAllocator('acq-4', new HostSequenceRepository(client), { blockSize: 100 });
    await restarted.prime();

    expect(before.map((r) => r.stan)).toEqual(['000001', '000002']);
    expect(restarted.next(AT)).toEqual({ stan: '000101', rrn: '632605000101' });
    const rows = await db.connection.query(
      `SELECT "acquirer_id", "last_stan", "last_rrn_sequence" FROM "${schema}"."host_sequence" WHERE "acquirer_id" IN ($1, $2) ORDER BY 1`,
      ['acq-4', SHARED_RRN_SEQUENCE],
    );
    expect(rows).toEqual([
      { acquirer_id: SHARED_RRN_SEQUENCE, last_stan: 0, last_rrn_sequence: 200 },
      { acquirer_id: 'acq-4', last_stan: 200, last_rrn_sequence: 0 },
    ]);
  });

  it('starts the shared RRN sequence after the highest one any acquirer reached before it existed', async () => {
    const other = `host_sequence_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const qualified = (sql: string) => sql.replaceAll('"authorization".', `"${other}".`);
    try {
      await db.connection.exec(`CREATE SCHEMA "${other}"`);
      await db.connection.exec(qualified(readFileSync(MIGRATION, 'utf8')));
      await db.connection.exec(`INSERT INTO "${other}"."host_sequence" ("acquirer_id", "last_rrn_sequence") VALUES ('bank-a', 4200), ('bank-b', 300)`);

      await db.connection.exec(qualified(readFileSync(SHARED_RRN_MIGRATION, 'utf8')));

      const rows = await db.connection.query(`SELECT "last_rrn_sequence" FROM "${other}"."host_sequence" WHERE "acquirer_id" = '*'`);
      expect(rows).toEqual([{ last_rrn_sequence: 4200 }]);
    } finally {
      await db.connection.exec(`DROP SCHEMA IF EXISTS "${other}" CASCADE`);
    }
  });
});
