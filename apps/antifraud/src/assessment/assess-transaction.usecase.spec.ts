import { randomUUID } from 'node:crypto';

import { InMemoryCache } from '@payments/cache';
import type { AssessRequest } from '@payments/contracts';
import { applyMigrations, createDatabase, type Database } from '@payments/persistence';
import { locateMigrations } from '@payments/runtime';

import { loadAntifraudEnv } from '../config/antifraud-env';
import { AssessTransactionUseCase } from './assess-transaction.usecase';
import { DecisionRepository } from './decision.repository';
import { CardVelocityRule } from './rules/card-velocity.rule';
import { MaxAmountRule } from './rules/max-amount.rule';

jest.setTimeout(60_000);

describe(AssessTransactionUseCase.name, () => {
  let database: Database;
  let sut: AssessTransactionUseCase;
  let cache: InMemoryCache;
  // One use of a card per minute: a second purchase with the same card is denied (velocity, 65).
  const env = loadAntifraudEnv({ ANTIFRAUD_CARD_VELOCITY_MAX: '1', ANTIFRAUD_TERMINAL_LIMITS: 'T0000001:EUR:5000' });

  beforeAll(async () => {
    database = await createDatabase({ kind: 'pglite', schema: 'antifraud' });
    await applyMigrations({ connection: database.connection, schema: 'antifraud', migrationsDir: locateMigrations('antifraud') });
  });
  afterAll(() => database.close());
  beforeEach(() => {
    cache = new InMemoryCache();
    sut = new AssessTransactionUseCase([new MaxAmountRule(env), new CardVelocityRule(cache, env)], new DecisionRepository(database.connection));
  });

  const request = (change: Partial<AssessRequest> = {}): AssessRequest => ({
    transactionId: randomUUID(),
    terminalId: 'T0000001',
    merchantId: 'SHOP00000000001',
    amountMinor: '1000',
    currency: 'EUR',
    cardToken: `tok_${randomUUID().replaceAll('-', '')}`,
    cardScheme: 'visa',
    ...change,
  });

  it('allows a purchase within the limits, and denies one over its terminal limit with 61 and the rule that said so', async () => {
    expect(await sut.execute(request())).toMatchObject({ decision: 'allow', reasons: [] });
    const over = await sut.execute(request({ amountMinor: '5001' }));
    expect(over).toMatchObject({ decision: 'deny', responseCode: '61', reasons: [{ rule: 'max-amount' }] });
  });

  it("answers a repeated request with the transaction's first decision, though the rules would now deny it", async () => {
    const first = request();
    const allowed = await sut.execute(first);
    expect(allowed.decision).toBe('allow');
    // The same card in another transaction is over the velocity limit now...
    expect(await sut.execute(request({ cardToken: first.cardToken }))).toMatchObject({ decision: 'deny', responseCode: '65' });
    // ...but the first transaction asked again keeps the answer it had.
    expect(await sut.execute(first)).toEqual(allowed);
  });

  it('gives the first decision back to a repeat of a denied transaction, with its response code and reasons', async () => {
    const denied = request({ amountMinor: '9000' });
    const first = await sut.execute(denied);
    expect(await sut.execute({ ...denied, amountMinor: '10' })).toEqual(first);
    expect(first).toMatchObject({ decision: 'deny', responseCode: '61' });
  });

  it("does not count a repeated request against the card's velocity: a retry after a lost reply leaves the card's next purchase allowed", async () => {
    const first = request();
    await sut.execute(first);
    await sut.execute(first);
    await sut.execute(first);
    const relaxed = loadAntifraudEnv({ ANTIFRAUD_CARD_VELOCITY_MAX: '2' });
    const twoPerMinute = new AssessTransactionUseCase([new CardVelocityRule(cache, relaxed)], new DecisionRepository(database.connection));

    expect(await twoPerMinute.execute(request({ cardToken: first.cardToken }))).toMatchObject({ decision: 'allow' });
    expect(await twoPerMinute.execute(request({ cardToken: first.cardToken }))).toMatchObject({ decision: 'deny', responseCode: '65' });
  });

  it('keeps one decision when two requests for one transaction arrive together', async () => {
    const same = request();
    const [a, b] = await Promise.all([sut.execute(same), sut.execute(same)]);
    expect(a).toEqual(b);
  });
});
