import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import type { Database } from '@payments/persistence';
import { openScratchSchema, type ScratchSchema } from '@payments/persistence/testing';

import { httpAnswerOf } from '../rest/register-outcome.http';
import { authorizeReplyOf } from '../testing/authorize-reply.fixture';
import { IdempotencyRepository } from './idempotency.repository';
import { IdempotencyService } from './idempotency.service';
import { COMPLETED, IN_PROGRESS } from './stored-outcome';

jest.setTimeout(60_000);

const url = process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments';
const MIGRATIONS = join(__dirname, '..', '..', 'prisma', 'migrations');

/** The idempotency record's plain SQL on real PostgreSQL and on PGlite (the embedded mode), each in a schema of its own. */
describe.each(['postgres', 'pglite'] as const)(`${IdempotencyRepository.name} (%s)`, (kind) => {
  let scratch: ScratchSchema;
  let schema: string;
  let db: Database;
  let sut: IdempotencyRepository;
  let service: IdempotencyService;

  beforeAll(async () => {
    // The app's migrations in a schema of their own (the repository's SQL follows search_path).
    scratch = await openScratchSchema(kind, { appSchema: 'gateway', migrationsDir: MIGRATIONS, url });
    ({ db, schema } = scratch);
  });

  afterAll(async () => {
    await scratch?.close();
  });

  beforeEach(() => {
    sut = new IdempotencyRepository(db.connection);
    service = new IdempotencyService(sut);
  });

  const client = randomUUID();
  const newKey = () => `key-${randomUUID()}`;
  const rowOf = async (transactionId: string) =>
    (
      await db.connection.query<{ state: string; request_hash: string; outcome: unknown; completed_at: Date | string | null }>(
        `SELECT "state", "request_hash", "outcome", "completed_at" FROM "${schema}"."idempotency_record" WHERE "transaction_id" = $1::uuid`,
        [transactionId],
      )
    )[0];
  const claimNew = async (key: string, hash = 'hash-1') => {
    const claim = await sut.claim(client, key, hash);
    if (!claim.claimed) throw new Error('expected a new claim');
    return claim.transactionId;
  };
  // Quotes, a backslash and non-ASCII text, so JSON encoding is exercised, not just plain words.
  const approved = { kind: 'approved' as const, reply: authorizeReplyOf({ responseText: 'Approved "ok" \\ Zürich ✓', amountMinor: '900719925474099312' }) };
  const declined = { kind: 'declined' as const, reply: authorizeReplyOf({ status: 'declined', responseCode: '51', responseText: 'Insufficient funds' }) };

  it('claims a new key in progress, under a fresh transaction id', async () => {
    const key = newKey();
    const first = await claimNew(key);
    const second = await claimNew(newKey());

    expect(first).not.toBe(second);
    expect(await rowOf(first)).toMatchObject({ state: IN_PROGRESS, request_hash: 'hash-1', outcome: null, completed_at: null });
  });

  it('gives back the record of a key claimed before, which the service refuses for another body', async () => {
    const key = newKey();
    const transactionId = await claimNew(key, 'hash-1');

    const again = await sut.claim(client, key, 'hash-2');

    expect(again).toEqual({
      claimed: false,
      record: { requestHash: 'hash-1', transactionId, state: IN_PROGRESS, outcome: null, responseStatus: null, responseBody: null },
    });
    expect(await service.start(client, key, { same: 'body' })).toEqual({ kind: 'answered', outcome: { kind: 'key_reused', idempotencyKey: key } });
  });

  it('the same key of another client is a new claim', async () => {
    const key = newKey();
    await claimNew(key);

    expect((await sut.claim(randomUUID(), key, 'hash-1')).claimed).toBe(true);
  });

  it('replays the completed outcome to a retry with the same body, and stamps when it completed', async () => {
    const key = newKey();
    const body = { amount: 1250, currency: 'EUR' };
    const started = await service.start(client, key, body);
    if (started.kind !== 'new') throw new Error('expected a new request');
    expect(await service.start(client, key, body)).toEqual({
      kind: 'answered',
      outcome: { kind: 'in_progress', idempotencyKey: key, transactionId: started.transactionId },
    });

    const before = Date.now();
    await sut.complete(started.transactionId, approved);
    const after = Date.now();

    expect(await service.start(client, key, body)).toEqual({ kind: 'answered', outcome: approved });
    const row = await rowOf(started.transactionId);
    expect(row).toMatchObject({ state: COMPLETED, outcome: approved });
    const completedAt = new Date(row.completed_at as Date).getTime();
    expect(completedAt).toBeGreaterThanOrEqual(before - 1);
    expect(completedAt).toBeLessThanOrEqual(after + 1);
  });

  it('completes a record once: a second outcome does not replace the first', async () => {
    const transactionId = await claimNew(newKey());
    expect(await sut.complete(transactionId, declined)).toEqual(declined);
    // A gateway that stalled past its lease finds the outcome another one settled, and answers that.
    expect(await sut.complete(transactionId, approved)).toEqual(declined);

    expect((await rowOf(transactionId)).outcome).toEqual(declined);
  });

  it('supersedes a completed outcome (a prompt answered), and leaves a record in progress alone', async () => {
    const key = newKey();
    const completed = await claimNew(key);
    const running = await claimNew(newKey());
    const prompt = { kind: 'prompt' as const, reply: authorizeReplyOf({ status: 'prompt' }) };
    await sut.complete(completed, prompt);

    await sut.supersede(completed, approved);
    await sut.supersede(running, approved);

    expect(await sut.claim(client, key, 'hash-1')).toMatchObject({ claimed: false, record: { state: COMPLETED, outcome: approved } });
    expect(await rowOf(running)).toMatchObject({ state: IN_PROGRESS, outcome: null, completed_at: null });
  });

  it('lets exactly one of several gateways take over a record in progress past its lease, and holds it for another lease', async () => {
    const running = await claimNew(newKey());
    const completed = await claimNew(newKey());
    await sut.complete(completed, declined);
    expect(await sut.takeOver(running, 60_000)).toBe(false);
    // Its gateway took it 2 minutes ago and stopped.
    await db.connection.query(
      `UPDATE "${schema}"."idempotency_record" SET "created_at" = now() - interval '2 minutes' WHERE "transaction_id" = ANY($1::uuid[])`,
      [[running, completed]],
    );

    const takers = await Promise.all([0, 1, 2, 3].map(() => new IdempotencyRepository(db.connection).takeOver(running, 60_000)));

    expect(takers.filter(Boolean)).toHaveLength(1);
    expect(await sut.takeOver(running, 60_000)).toBe(false);
    expect(await sut.takeOver(completed, 60_000)).toBe(false);
    expect(await rowOf(running)).toMatchObject({ state: IN_PROGRESS, outcome: null });
    // Past the taker's own lease, the next may take it.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await sut.takeOver(running, 100)).toBe(true);
  });

  it('replays a record the previous version stored as its REST response', async () => {
    const key = newKey();
    const body = { amount: 1250, currency: 'EUR' };
    const started = await service.start(client, key, body);
    if (started.kind !== 'new') throw new Error('expected a new request');
    const first = httpAnswerOf(declined);
    await db.connection.query(
      `UPDATE "${schema}"."idempotency_record" SET "state" = 'completed', "response_status" = $2, "response_body" = $3::jsonb, "completed_at" = now()
       WHERE "transaction_id" = $1::uuid`,
      [started.transactionId, first.status, JSON.stringify(first.body)],
    );

    const replayed = await service.start<typeof declined>(client, key, body);

    expect(replayed).toMatchObject({ kind: 'answered', outcome: { kind: 'declined', reply: { responseCode: '51', amountMinor: '1250' } } });
    if (replayed.kind !== 'answered') throw new Error('expected the stored answer');
    expect(JSON.stringify(httpAnswerOf(replayed.outcome))).toBe(JSON.stringify(first));
  });
});
