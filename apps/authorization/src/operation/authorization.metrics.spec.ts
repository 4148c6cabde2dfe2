import { randomUUID } from 'node:crypto';

import type { AuthorizeRequest, FollowUpRequest } from '@payments/contracts';
import { metricsRegistry, scrapedSample } from '@payments/observability';
import type { SqlConnection } from '@payments/persistence';

import type { PrismaClient } from '../generated/prisma/client';
import { cardRequest } from './testing/card-request';
import { openAuthorizationDb, operationCoreOver, type OperationCoreFixture } from './testing/operation-core.fixture';

jest.setTimeout(60_000);

const TERMINAL = 'T9000001';
const MERCHANT = 'SHOP00000000001';

/** The value of authorization_operations_total with these labels (and the process's own), 0 when absent. */
async function operations(labels: Record<string, string>): Promise<number> {
  return (await scrapedSample('authorization_operations_total', labels)) ?? 0;
}

describe('authorization_operations_total', () => {
  let db: PrismaClient;
  let sql: SqlConnection;
  let close: () => Promise<void>;
  let core: OperationCoreFixture;

  beforeAll(async () => ({ db, sql, close } = await openAuthorizationDb()));
  afterAll(() => close());
  beforeEach(() => {
    core = operationCoreOver(db, sql);
    metricsRegistry.resetMetrics();
  });

  const card = (change: Partial<AuthorizeRequest> = {}): AuthorizeRequest => cardRequest(TERMINAL, MERCHANT, change);
  const cancel = (original: string): FollowUpRequest => ({
    transactionId: randomUUID(),
    operation: 'cancel',
    terminalId: TERMINAL,
    merchantId: MERCHANT,
    requestedAt: new Date().toISOString(),
    original: { transactionId: original },
  });

  it('counts each approval and decline once, by operation, entry mode, acquirer, response code and status', async () => {
    core.rail.answer({ kind: 'approved' }, { kind: 'declined', responseCode: '51' });
    const approved = card();
    expect((await core.sut.execute({ kind: 'card', request: approved })).status).toBe('approved');
    expect((await core.sut.execute({ kind: 'card', request: card({ entryMode: 'contactless' }) })).status).toBe('declined');
    // A replay answers the first outcome again without counting it twice.
    await core.sut.execute({ kind: 'card', request: approved });

    const base = { operation: 'purchase', acquirer: 'fake' };
    expect(await operations({ ...base, channel: 'chip', response_code: '00', status: 'approved' })).toBe(1);
    expect(await operations({ ...base, channel: 'contactless', response_code: '51', status: 'declined' })).toBe(1);
    const text = await metricsRegistry.metrics();
    expect(text).not.toContain(TERMINAL);
    expect(text).not.toContain(MERCHANT);
    expect(text).not.toContain('424242');
  });

  it('counts a follow-up under the follow_up channel and a refusal before routing under acquirer none', async () => {
    const original = card();
    await core.sut.execute({ kind: 'card', request: original });
    expect((await core.sut.execute({ kind: 'follow_up', request: cancel(original.transactionId) })).status).toBe('approved');
    core.rail.refuseRoutes();
    expect((await core.sut.execute({ kind: 'card', request: card({ entryMode: 'contactless' }) })).status).toBe('declined');

    expect(await operations({ operation: 'cancel', channel: 'follow_up', acquirer: 'fake', status: 'approved' })).toBe(1);
    expect(await operations({ operation: 'purchase', channel: 'contactless', acquirer: 'none', response_code: '92', status: 'declined' })).toBe(1);
  });
});
