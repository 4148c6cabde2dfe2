import { metricsRegistry, scrapedSample } from '@payments/observability';
import type { SqlConnection } from '@payments/persistence';

import type { PrismaClient } from '../generated/prisma/client';
import { cardRequest } from '../operation/testing/card-request';
import { openAuthorizationDb, operationCoreOver, type OperationCoreFixture } from '../operation/testing/operation-core.fixture';
import { ReversalQueueMetrics } from './reversal-queue.metrics';

jest.setTimeout(60_000);

describe(ReversalQueueMetrics.name, () => {
  let db: PrismaClient;
  let sql: SqlConnection;
  let close: () => Promise<void>;
  let core: OperationCoreFixture;

  beforeAll(async () => ({ db, sql, close } = await openAuthorizationDb()));
  afterAll(() => close());
  beforeEach(() => (core = operationCoreOver(db, sql)));

  /** A purchase whose host answer never came: recorded unknown, its reversal queued. */
  async function unanswered(): Promise<string> {
    core.rail.answer({ kind: 'unknown', reason: 'no response within 300 ms' });
    const request = cardRequest('T9100001', 'SHOP00000000001');
    await core.sut.execute({ kind: 'card', request });
    return request.transactionId;
  }

  /** Each scrape with a fresh instance, as the figures of one are reused for 5 s. */
  async function scrape(): Promise<{ depth?: number; age?: number }> {
    new ReversalQueueMetrics(db).onModuleInit();
    return {
      depth: await scrapedSample('authorization_reversal_queue_depth'),
      age: await scrapedSample('authorization_reversal_oldest_age_seconds'),
    };
  }

  it('shows the reversals waiting for the host and the age of the oldest, and forgets an acknowledged one', async () => {
    expect(await scrape()).toEqual({ depth: 0, age: 0 });
    const first = await unanswered();
    await unanswered();
    await db.reversal.update({ where: { transactionId: first }, data: { createdAt: new Date(Date.now() - 600_000) } });

    const queued = await scrape();
    expect(queued.depth).toBe(2);
    expect(queued.age).toBeGreaterThanOrEqual(600);
    expect(queued.age).toBeLessThan(660);

    await db.reversal.update({ where: { transactionId: first }, data: { status: 'acknowledged', acknowledgedAt: new Date() } });
    const after = await scrape();
    expect(after.depth).toBe(1);
    expect(after.age).toBeLessThan(60);
  });

  it('keeps the last figures when the database cannot be read, so /metrics still answers', async () => {
    let failing = false;
    const flaky = {
      reversal: { aggregate: (args: never) => (failing ? Promise.reject(new Error('connection refused')) : db.reversal.aggregate(args)) },
    } as unknown as PrismaClient;
    new ReversalQueueMetrics(flaky).onModuleInit();
    const before = await scrapedSample('authorization_reversal_queue_depth');
    await unanswered();
    failing = true;
    const later = Date.now() + 10_000;
    jest.spyOn(Date, 'now').mockReturnValue(later);
    try {
      await expect(metricsRegistry.metrics()).resolves.toContain('authorization_reversal_queue_depth');
      expect(await scrapedSample('authorization_reversal_queue_depth')).toBe(before);
      failing = false;
      jest.spyOn(Date, 'now').mockReturnValue(later + 10_000);
      expect(await scrapedSample('authorization_reversal_queue_depth')).toBe(before! + 1);
    } finally {
      jest.restoreAllMocks();
    }
  });
});
