import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import type { AuditLine } from '@payments/identity';
import type { Database } from '@payments/persistence';
import { openScratchSchema, type ScratchSchema } from '@payments/persistence/testing';

import { AuditLogRepository } from './audit-log.repository';

jest.setTimeout(60_000);

const MIGRATIONS = join(__dirname, '..', '..', 'prisma', 'migrations');

const lineOf = (overrides: Partial<AuditLine> = {}): AuditLine => ({
  id: randomUUID(),
  at: new Date().toISOString(),
  realm: 'operator',
  actorId: 'key:0123456789ab',
  actorName: 'key:0123456789ab',
  role: 'admin',
  action: 'PUT /v1/operator/operators/x/role',
  resource: 'operator:x',
  outcome: 'allowed',
  service: 'gateway',
  ip: '127.0.0.1',
  userAgent: 'spec',
  before: { role: 'support', nested: { b: 2, a: 1 } },
  after: { role: 'risk' },
  ...overrides,
});

/** The audit table on real PostgreSQL and on PGlite (the embedded mode): append-only, hash-chained, verifiable. */
describe.each(['postgres', 'pglite'] as const)(`${AuditLogRepository.name} (%s)`, (kind) => {
  let scratch: ScratchSchema;
  let db: Database;
  let sut: AuditLogRepository;

  beforeAll(async () => {
    scratch = await openScratchSchema(kind, { appSchema: 'gateway', migrationsDir: MIGRATIONS });
    db = scratch.db;
    sut = new AuditLogRepository(db.connection);
  });
  afterAll(() => scratch?.close());

  it('appends lines in order, each chained to the one before, once per id, and verifies the chain', async () => {
    const first = lineOf();
    await sut.record(first);
    await sut.record(lineOf({ outcome: 'denied', after: { lacking: 'settlement:write' } }));
    await sut.record(first);
    await Promise.all(Array.from({ length: 5 }, () => sut.record(lineOf({ before: null, after: null }))));
    // Past 9, where text order would differ from number order.
    for (let i = 0; i < 5; i += 1) await sut.record(lineOf());

    const page = await sut.page({ limit: 100 });
    expect(page.items.map((line) => line.seq)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(page.items[11]).toMatchObject({ id: first.id, prevHash: '0'.repeat(64), before: { role: 'support', nested: { a: 1, b: 2 } } });
    expect(page.items[10].prevHash).toBe(page.items[11].hash);
    expect(await sut.verify()).toMatchObject({ intact: true, checked: 12 });
  });

  it('pages newest first by cursor and filters by actor, action and outcome', async () => {
    const first = await sut.page({ limit: 3 });
    const second = await sut.page({ limit: 20, beforeSeq: Number(first.nextCursor) });
    expect(first.items.map((l) => l.seq)).toEqual([12, 11, 10]);
    expect(second).toMatchObject({ nextCursor: null });
    expect(second.items.map((l) => l.seq)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect((await sut.page({ limit: 10, outcome: 'denied' })).items.map((l) => l.seq)).toEqual([2]);
    expect((await sut.page({ limit: 10, action: 'operators/x/', actorId: 'key:0123456789ab' })).items).toHaveLength(10);
    expect((await sut.page({ limit: 10, actorId: 'someone-else' })).items).toHaveLength(0);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the audit table', async () => {
    await expect(db.connection.execute(`UPDATE "audit_log" SET "outcome" = 'allowed' WHERE "seq" = 2`)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(db.connection.execute(`DELETE FROM "audit_log" WHERE "seq" = 1`)).rejects.toThrow(/append-only: DELETE refused/);
    await expect(db.connection.exec(`TRUNCATE "audit_log"`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect((await sut.page({ limit: 100 })).items).toHaveLength(12);
  });

  it('notices a tampered line and a removed line, naming where the chain breaks', async () => {
    await db.connection.exec(`ALTER TABLE "audit_log" DISABLE TRIGGER "audit_log_append_only"`);
    try {
      await db.connection.execute(`UPDATE "audit_log" SET "outcome" = 'allowed' WHERE "seq" = 2`);
      expect(await sut.verify()).toMatchObject({ intact: false, brokenAt: 2, checked: 1, reason: expect.stringContaining('content') });

      await db.connection.execute(`UPDATE "audit_log" SET "outcome" = 'denied' WHERE "seq" = 2`);
      expect(await sut.verify()).toMatchObject({ intact: true });
      await db.connection.execute(`DELETE FROM "audit_log" WHERE "seq" = 4`);
      expect(await sut.verify()).toMatchObject({ intact: false, brokenAt: 5, checked: 3 });
    } finally {
      await db.connection.exec(`ALTER TABLE "audit_log" ENABLE TRIGGER "audit_log_append_only"`);
    }
  });
});
