import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import { transactionAuthorizedV1, transactionDeclinedV1 } from '@payments/contracts';
import type { Database } from '@payments/persistence';
import { openScratchSchema, type ScratchSchema } from '@payments/persistence/testing';

import { PrismaClient, type Transaction } from '../generated/prisma/client';
import type { PendingEntry } from './operation-entry';
import { declinedEvent, eventBaseOf } from './operation-reply.mapper';
import { type OutcomeChange, OperationRepository } from './operation.repository';
import { StatusTransitionError } from './status-transition.error';

jest.setTimeout(60_000);

const url = process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments';
const MIGRATIONS = join(__dirname, '..', '..', 'prisma', 'migrations');
const TERMINAL = 'T0000001';

/** The repository's raw statements on real PostgreSQL and on PGlite (the embedded mode), each in a schema of its own. */
describe.each(['postgres', 'pglite'] as const)(`${OperationRepository.name} (%s)`, (kind) => {
  let scratch: ScratchSchema;
  let schema: string;
  let db: Database;
  let client: PrismaClient;
  let sut: OperationRepository;

  beforeAll(async () => {
    // The app's migrations in a schema of their own (the repository's SQL follows search_path).
    scratch = await openScratchSchema(kind, { appSchema: 'authorization', migrationsDir: MIGRATIONS, url });
    ({ db, schema } = scratch);
    await db.connection.query(
      `INSERT INTO "${schema}"."terminal_batch" ("terminal_id", "batch_number", "merchant_id", "status") VALUES ($1, 7, 'SHOP1', 'open')`,
      [TERMINAL],
    );
    client = new PrismaClient({ adapter: db.adapter });
  });

  afterAll(async () => {
    await client?.$disconnect();
    await scratch?.close();
  });

  beforeEach(() => (sut = new OperationRepository(client, db.connection)));

  const entry = (change: Partial<PendingEntry> = {}): PendingEntry => ({
    id: randomUUID(),
    operation: 'purchase',
    terminalId: TERMINAL,
    merchantId: 'SHOP1',
    amountMinor: 1250n,
    currency: 'EUR',
    requestHash: 'hash-1',
    businessDay: '2026-12-06',
    card: { token: 'tok_1', maskedPan: '424242******4242', scheme: 'visa', panKeyId: 'k1', panCiphertext: 'c1' },
    ...change,
  });
  const rowOf = async (id: string) =>
    (
      await db.connection.query<{ status: string; batch_number: number; stan: string | null; approval_code: string | null }>(
        `SELECT "status", "batch_number", "stan", "approval_code" FROM "${schema}"."transaction" WHERE "id" = $1::uuid`,
        [id],
      )
    )[0];
  const historyOf = async (id: string) =>
    (
      await db.connection.query<{ status: string }>(
        `SELECT "status" FROM "${schema}"."transaction_status_change" WHERE "transaction_id" = $1::uuid ORDER BY "id"`,
        [id],
      )
    ).map((r) => r.status);
  const countIn = async (table: string, where: string, id: string) =>
    Number((await db.connection.query<{ n: string }>(`SELECT count(*)::text AS "n" FROM "${schema}"."${table}" WHERE ${where}`, [id]))[0].n);
  const outboxOf = (id: string) =>
    db.connection.query<{ topic: string; message_key: string; payload: { transactionId: string; status?: string; amountMinor: string; batchNumber: number } }>(
      `SELECT "topic", "message_key", "payload" FROM "${schema}"."outbox_message" WHERE "payload"->>'transactionId' = $1`,
      [id],
    );
  const railReference = { acquirerId: 'acq-1', stan: '000042', rrn: '634000004200', sentAt: new Date(), mti: '0200', processingCode: '000000' };
  const approval = (change: Partial<OutcomeChange<unknown>> = {}): OutcomeChange<unknown> => ({
    to: 'approved',
    reason: 'approved by host',
    responseCode: '00',
    fields: { statusReason: 'approved by host', responseCode: '00', approvalCode: 'A00042', stan: '000042', rrn: '634000004200' },
    eventOf: (row: Transaction) => ({
      topic: transactionAuthorizedV1,
      key: row.terminalId,
      value: { ...eventBaseOf(row), direction: 'debit', responseCode: '00', rrn: '634000004200', approvalCode: 'A00042', occurredAt: new Date().toISOString() },
    }),
    abandonmentLock: true,
    ...change,
  });
  const journaled = async (change: Partial<PendingEntry> = {}) => {
    const pending = entry(change);
    expect(await sut.open(pending)).toBe('journaled');
    return pending.id;
  };

  describe('open', () => {
    it("journals the pending row and its history row into the terminal's open batch", async () => {
      const id = await journaled();

      expect(await rowOf(id)).toMatchObject({ status: 'pending', batch_number: 7 });
      expect(await historyOf(id)).toEqual(['pending']);
    });

    it('writes nothing for an id already journaled, and keeps the first row', async () => {
      const first = entry();
      await sut.open(first);

      expect(await sut.open({ ...first, amountMinor: 1n, requestHash: 'hash-2' })).toBe('already_journaled');
      expect(await historyOf(first.id)).toEqual(['pending']);
    });

    it('writes nothing for a terminal without an open batch, and takes a batch the entry names', async () => {
      const orphan = entry({ terminalId: 'T0000099' });

      expect(await sut.open(orphan)).toBe('no_open_batch');
      expect(await rowOf(orphan.id)).toBeUndefined();
      expect(await sut.open({ ...orphan, batchNumber: 3 })).toBe('journaled');
      expect(await rowOf(orphan.id)).toMatchObject({ batch_number: 3 });
    });
  });

  describe('recordRailReference', () => {
    const abandon = (id: string, terminalId: string) =>
      db.connection.query(
        `INSERT INTO "${schema}"."abandonment" ("transaction_id", "terminal_id", "reason", "abandoned_at") VALUES ($1::uuid, $2, 'hung up', now())`,
        [id, terminalId],
      );

    it('records the reference, and the outcome still applies in one call after it', async () => {
      const id = await journaled();

      expect(await sut.recordRailReference(id, railReference, true)).toBe(true);
      expect(await rowOf(id)).toMatchObject({ stan: '000042' });
      expect(await sut.recordOutcome(id, 'pending', approval())).toMatchObject({ status: 'approved', stan: '000042', acquirerId: 'acq-1' });
    });

    it("records nothing when asked to and the operation's register gave up; another terminal's report changes nothing", async () => {
      const abandoned = await journaled();
      const other = await journaled();
      await abandon(abandoned, TERMINAL);
      await abandon(other, 'T0000077');

      expect(await sut.recordRailReference(abandoned, railReference, true)).toBe(false);
      expect(await rowOf(abandoned)).toMatchObject({ stan: null });
      expect(await sut.recordRailReference(other, railReference, true)).toBe(true);
      expect(await sut.recordRailReference(abandoned, railReference, false)).toBe(true);
    });
  });

  describe('recordOutcome', () => {
    it('records status, history and the authorized event (made from the journaled row) in one call', async () => {
      const id = await journaled();

      const row = await sut.recordOutcome(id, 'pending', approval());

      expect(row).toMatchObject({ id, status: 'approved', approvalCode: 'A00042', amountMinor: 1250n, batchNumber: 7 });
      expect(await rowOf(id)).toMatchObject({ status: 'approved', stan: '000042', approval_code: 'A00042' });
      expect(await historyOf(id)).toEqual(['pending', 'approved']);
      expect(await outboxOf(id)).toEqual([
        {
          topic: 'payments.transaction.authorized.v1',
          message_key: TERMINAL,
          payload: expect.objectContaining({ transactionId: id, amountMinor: '1250', batchNumber: 7 }),
        },
      ]);
    });

    it('queues the reversal of an unknown outcome with it, once', async () => {
      const id = await journaled();
      const unknown = approval({
        to: 'unknown',
        reason: 'no response within 5000 ms',
        responseCode: '91',
        fields: {},
        reversalReason: 'no response within 5000 ms',
        abandonmentLock: false,
        eventOf: (row) => ({
          topic: transactionDeclinedV1,
          key: row.terminalId,
          value: declinedEvent(eventBaseOf(row), 'failed', '91', 'no response', new Date()),
        }),
      });

      expect(await sut.recordOutcome(id, 'pending', unknown)).toMatchObject({ status: 'unknown' });
      expect(await countIn('reversal', `"transaction_id" = $1::uuid AND "status" = 'pending'`, id)).toBe(1);
      expect((await outboxOf(id)).map((m) => m.payload.status)).toEqual(['failed']);
    });

    it('writes nothing when the row changed since it was journaled (another writer), so the caller decides on what is there', async () => {
      const id = await journaled();
      await db.connection.query(`UPDATE "${schema}"."transaction" SET "amount_minor" = 900 WHERE "id" = $1::uuid`, [id]);

      expect(await sut.recordOutcome(id, 'pending', approval())).toBeUndefined();
      expect(await rowOf(id)).toMatchObject({ status: 'pending' });
      expect(await historyOf(id)).toEqual(['pending']);
      expect(await outboxOf(id)).toEqual([]);
    });

    it('writes nothing for an approval whose register gave up', async () => {
      const id = await journaled();
      await db.connection.query(
        `INSERT INTO "${schema}"."abandonment" ("transaction_id", "terminal_id", "reason", "abandoned_at") VALUES ($1::uuid, $2, 'hung up', now())`,
        [id, TERMINAL],
      );

      expect(await sut.recordOutcome(id, 'pending', approval())).toBeUndefined();
      expect(await historyOf(id)).toEqual(['pending']);
      expect(await outboxOf(id)).toEqual([]);
    });

    it('refuses a change the transition table does not allow, before writing anything', async () => {
      const id = await journaled();

      await expect(sut.recordOutcome(id, 'pending', approval({ to: 'reversed' }))).rejects.toThrow(StatusTransitionError);
      expect(await historyOf(id)).toEqual(['pending']);
    });

    it('leaves an attempt another process journaled to the transaction path', async () => {
      const id = await journaled();

      expect(await new OperationRepository(client, db.connection).recordOutcome(id, 'pending', approval())).toBeUndefined();
      expect(await rowOf(id)).toMatchObject({ status: 'pending' });
    });

    if (kind === 'postgres') {
      it("waits for an abandonment being recorded under the consumer's lock, then sees it and writes nothing", async () => {
        const id = await journaled();
        let recorded: Promise<Transaction | undefined> | undefined;
        await db.connection.transaction(async (tx) => {
          await tx.query('SELECT pg_advisory_xact_lock(8583, hashtext($1))', [id]);
          recorded = sut.recordOutcome(id, 'pending', approval());
          await new Promise((resolve) => setTimeout(resolve, 300));
          await tx.query(
            `INSERT INTO "${schema}"."abandonment" ("transaction_id", "terminal_id", "reason", "abandoned_at") VALUES ($1::uuid, $2, 'hung up', now())`,
            [id, TERMINAL],
          );
        });

        expect(await recorded).toBeUndefined();
        expect(await rowOf(id)).toMatchObject({ status: 'pending' });
      });

      it('wakes the outbox relay when the outcome commits', async () => {
        const id = await journaled();
        let woken = 0;
        const stop = await db.listen('outbox_authorization', () => (woken += 1));
        try {
          await sut.recordOutcome(id, 'pending', approval());
          const until = Date.now() + 5_000;
          while (woken === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
        } finally {
          await stop();
        }

        expect(woken).toBeGreaterThan(0);
      });
    }
  });
});
