import { randomUUID } from 'node:crypto';

import { platformAccountIdsOf } from '../accounts/platform-accounts';
import { type AgentsBillingUnderTest, openAgentsBilling } from '../testing/agents-billing.fixture';
import type { AgentNode, NodeLimits } from '../tree/agent-node';
import type { PayPayeeOutcome } from './pay-payee.usecase';

jest.setTimeout(90_000);

const NOW = new Date('2026-12-08T10:00:00.000Z');
/** The payer's account at the payees whose format takes any account. */
const ACCOUNT = '+420777123456';

/** Agents' payments with their commissions on real PostgreSQL and on PGlite; the ledger's invariants after every test. */
describe.each(['postgres', 'pglite'] as const)('agents payments (%s)', (kind) => {
  let sut: AgentsBillingUnderTest;
  /** dealer 1 % + 0.05, agent 0.5 %, sub-agents 1 % (min 0.10). */
  let payeeId: string;

  beforeAll(async () => {
    sut = await openAgentsBilling(kind);
    payeeId = await sut.payee([
      { level: 'dealer', percentBasisPoints: 100n, fixed: 5n },
      { level: 'agent', percentBasisPoints: 50n, fixed: 0n },
      { level: 'sub-agent', percentBasisPoints: 100n, fixed: 0n, min: 10n },
    ]);
  });
  afterEach(async () => {
    expect(await sut.violations()).toEqual([]);
  });
  afterAll(() => sut?.close());

  /** dealer -> agent -> sub-agent -> sub-agent, the payer (the last) funded with `funds`. */
  const tree = async (funds: bigint, payerLimits: Partial<NodeLimits> = {}) => {
    const dealer = await sut.dealer({ creditLimit: 1_000_000n });
    const agent = await sut.child(dealer);
    const sub = await sut.child(agent);
    const payer = await sut.child(sub, payerLimits);
    for (const node of [agent, sub, payer]) await sut.fund.execute({ fundingId: randomUUID(), childId: node.id, amount: funds });
    return { dealer, agent, sub, payer };
  };
  const pay = (payer: AgentNode, amount: bigint, paymentId = randomUUID(), more: { payeeId?: string; currency?: string; account?: string; now?: Date } = {}) =>
    sut.pay.execute({ paymentId, nodeId: payer.id, payeeId, amount, currency: 'EUR', account: ACCOUNT, now: NOW, ...more });
  const posted = (outcome: PayPayeeOutcome) => {
    if (outcome.kind !== 'posted')
      throw new Error(`expected posted, got ${JSON.stringify(outcome, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`);
    return outcome.payment;
  };
  const balanceOf = async (accountId: string) => {
    const account = await sut.ledger.account(accountId);
    return account.creditsPosted - account.debitsPosted;
  };
  const commissionsOf = (...nodes: AgentNode[]) => Promise.all(nodes.map((n) => balanceOf(n.commissionAccountId)));

  it('posts the payment and every level’s commission as one chain, each with its event', async () => {
    const { dealer, agent, sub, payer } = await tree(50_000n);
    const clearing = platformAccountIdsOf(payeeId, 'EUR').payeeClearingId;
    const clearingBefore = await sut.ledger.account(clearing).then(
      (a) => a.creditsPosted,
      () => 0n,
    );

    const payment = posted(await pay(payer, 12_345n));

    // 12,345 at 1 % = 123.45 -> 123 (half up); at 0.5 % = 61.725 -> 62; dealer 123 + 5.
    expect(payment.transfers.map((t) => [t.kind, t.nodeId, t.amount])).toEqual([
      ['payment', payer.id, 12_345n],
      ['commission', payer.id, 123n],
      ['commission', sub.id, 123n],
      ['commission', agent.id, 62n],
      ['commission', dealer.id, 128n],
    ]);
    expect(await balanceOf(payer.ledgerAccountId)).toBe(50_000n - 12_345n);
    expect((await sut.ledger.account(clearing)).creditsPosted - clearingBefore).toBe(12_345n);
    expect(await commissionsOf(payer, sub, agent, dealer)).toEqual([123n, 123n, 62n, 128n]);
    const events = (await sut.outbox()).filter((e) => e.payload.paymentId === payment.id);
    const byNode = (a: unknown[], b: unknown[]) => `${String(a[2])}${String(a[1])}`.localeCompare(`${String(b[2])}${String(b[1])}`);
    const expected = [
      ['agents.ledger.transfer-posted.v1', payer.id, 'payment', payer.id, '12345'],
      ['agents.ledger.transfer-posted.v1', payer.id, 'commission', payer.id, '123'],
      ['agents.ledger.transfer-posted.v1', sub.id, 'commission', sub.id, '123'],
      ['agents.ledger.transfer-posted.v1', agent.id, 'commission', agent.id, '62'],
      ['agents.ledger.transfer-posted.v1', dealer.id, 'commission', dealer.id, '128'],
    ];
    expect(events.map((e) => [e.topic, e.key, e.payload.kind, e.payload.nodeId, e.payload.amount]).sort(byNode)).toEqual(expected.sort(byNode));
  });

  it("posts nothing, no commission either, for a payment past the agent's balance plus credit limit, and names what is available", async () => {
    const { dealer, agent, sub, payer } = await tree(1_000n);
    const expense = await sut.ledger.account(platformAccountIdsOf(payeeId, 'EUR').commissionExpenseId).then(
      (a) => a.debitsPosted,
      () => 0n,
    );

    expect(await pay(payer, 1_001n)).toEqual({ kind: 'limit_exceeded', limit: 'credit', available: 1_000n });

    expect(await balanceOf(payer.ledgerAccountId)).toBe(1_000n);
    expect(await commissionsOf(payer, sub, agent, dealer)).toEqual([0n, 0n, 0n, 0n]);
    expect((await sut.ledger.account(platformAccountIdsOf(payeeId, 'EUR').commissionExpenseId)).debitsPosted).toBe(expense);
    posted(await pay(payer, 1_000n));
    expect(await balanceOf(payer.ledgerAccountId)).toBe(0n);
  });

  it('refuses the payments of every node below a blocked dealer, and takes them again once it is unblocked', async () => {
    const { dealer, agent, payer } = await tree(5_000n);
    await sut.status.execute(dealer.id, 'blocked');

    expect(await pay(payer, 100n)).toEqual({ kind: 'blocked', blockedNodeId: dealer.id });
    expect(await pay(agent, 100n)).toEqual({ kind: 'blocked', blockedNodeId: dealer.id });
    expect(await balanceOf(payer.ledgerAccountId)).toBe(5_000n);

    await sut.status.execute(dealer.id, 'active');
    posted(await pay(payer, 100n));
  });

  it('lets exactly the payments within the daily limit through when 20 arrive at once, and counts days in UTC', async () => {
    const { payer } = await tree(100_000n, { dailyLimit: 7_000n });

    const outcomes = await Promise.all(Array.from({ length: 20 }, () => pay(payer, 1_000n)));

    expect(outcomes.filter((o) => o.kind === 'posted')).toHaveLength(7);
    expect(outcomes.filter((o) => o.kind !== 'posted')).toEqual(Array(13).fill({ kind: 'limit_exceeded', limit: 'daily', available: 0n }));
    expect(await balanceOf(payer.ledgerAccountId)).toBe(93_000n);
    posted(await pay(payer, 1_000n, randomUUID(), { now: new Date('2026-12-09T00:00:00.000Z') }));
  });

  it('refuses a payment past the per-payment limit or the rest of the daily limit, naming it and its amount', async () => {
    const { payer } = await tree(100_000n, { paymentLimit: 3_000n, dailyLimit: 5_000n });
    expect(await pay(payer, 3_001n)).toEqual({ kind: 'limit_exceeded', limit: 'payment', available: 3_000n });
    posted(await pay(payer, 3_000n));
    expect(await pay(payer, 2_001n)).toEqual({ kind: 'limit_exceeded', limit: 'daily', available: 2_000n });
  });

  it('answers a repeated payment id with the first payment, posting it once; refuses the id with another body', async () => {
    const { payer } = await tree(10_000n);
    const paymentId = randomUUID();

    const first = posted(await pay(payer, 2_500n, paymentId));
    const repeats = await Promise.all([pay(payer, 2_500n, paymentId), pay(payer, 2_500n, paymentId)]);

    expect(repeats.map((r) => posted(r).transfers)).toEqual([first.transfers, first.transfers]);
    expect(await balanceOf(payer.ledgerAccountId)).toBe(7_500n);
    expect(await pay(payer, 2_501n, paymentId)).toEqual({ kind: 'id_reused' });
    expect(await pay(payer, 2_500n, paymentId, { account: '+420777000000' })).toEqual({ kind: 'id_reused' });
    expect((await sut.outbox()).filter((e) => e.payload.paymentId === paymentId && e.payload.kind === 'payment')).toHaveLength(1);
  });

  it('finishes a payment its process left reserved: the stored chain posted with its events, or released when the ledger refuses it', async () => {
    const { payer } = await tree(3_000n, { dailyLimit: 5_000n });
    const crashed = sut.payWithLedgerDown();
    const [kept, tooLarge] = [randomUUID(), randomUUID()];
    await expect(crashed.execute({ paymentId: kept, nodeId: payer.id, payeeId, amount: 2_000n, currency: 'EUR', account: ACCOUNT, now: NOW })).rejects.toThrow(
      'connection terminated',
    );
    await expect(
      crashed.execute({ paymentId: tooLarge, nodeId: payer.id, payeeId, amount: 2_500n, currency: 'EUR', account: ACCOUNT, now: NOW }),
    ).rejects.toThrow('connection terminated');
    // Both reservations hold the day's limit: 4,500 of 5,000.
    expect(await pay(payer, 501n)).toEqual({ kind: 'limit_exceeded', limit: 'daily', available: 500n });
    expect(await balanceOf(payer.ledgerAccountId)).toBe(3_000n);

    expect(await sut.reservedPayments.runOnce(new Date(Date.now() + 1_000))).toBeUndefined();
    expect(await balanceOf(payer.ledgerAccountId)).toBe(3_000n); // younger than 30 s: a live payment may be posting them
    await sut.reservedPayments.runOnce(new Date(Date.now() + 31_000));

    expect(await balanceOf(payer.ledgerAccountId)).toBe(1_000n);
    expect((await sut.outbox()).filter((e) => e.payload.paymentId === kept && e.payload.kind === 'payment')).toHaveLength(1);
    expect(await sut.payments.staleReservations(new Date(Date.now() + 60_000), 10)).toEqual([]);
    posted(await pay(payer, 1_000n)); // the released 2,500 no longer counts against the day
    expect(posted(await pay(payer, 2_000n, kept)).status).toBe('posted');
  });

  it('refuses an unknown payee, another currency than the node’s, and an unknown node, posting nothing', async () => {
    const { payer } = await tree(10_000n);
    expect(await pay(payer, 100n, randomUUID(), { payeeId: 'nobody' })).toEqual({ kind: 'unknown_payee' });
    expect(await pay(payer, 100n, randomUUID(), { currency: 'CZK' })).toEqual({ kind: 'currency_mismatch', nodeCurrency: 'EUR' });
    expect(await sut.pay.execute({ paymentId: randomUUID(), nodeId: randomUUID(), payeeId, amount: 1n, currency: 'EUR', account: ACCOUNT, now: NOW })).toEqual({
      kind: 'not_found',
    });
    expect(await balanceOf(payer.ledgerAccountId)).toBe(10_000n);
  });

  describe('to a payee of the catalogue with an account format, limits and a fee', () => {
    /** Loan repayments to a 16-digit contract number with a Luhn check digit, 1.00 to 50.00, fee 1.5 % + 0.10. */
    const LOAN_FORMAT = { accountPattern: '[0-9]{16}', accountChecksum: 'luhn', minAmount: 100n, maxAmount: 5_000n } as const;
    const GOOD = '4242424242424242';
    let loans: string;
    const rows = async (paymentId: string) =>
      (await sut.scratch.db.connection.query<{ count: string }>(`SELECT count(*)::text AS "count" FROM "agent_payment" WHERE "id" = $1::uuid`, [paymentId]))[0]
        ?.count;

    beforeAll(async () => {
      loans = await sut.payee([{ level: 'agent', percentBasisPoints: 100n, fixed: 0n }], {
        ...LOAN_FORMAT,
        fee: { percentBasisPoints: 150n, fixed: 10n },
      });
    });

    it('posts the payment, the payer’s fee and the commissions as one chain, with the account on the payment', async () => {
      const { dealer, agent, payer } = await tree(10_000n);
      const fees = platformAccountIdsOf(loans, 'EUR').feeIncomeId;
      const feesBefore = await sut.ledger.account(fees).then(
        (a) => a.creditsPosted,
        () => 0n,
      );
      const payment = posted(await pay(payer, 2_345n, randomUUID(), { payeeId: loans, account: GOOD }));
      // 1.5 % of 23.45 = 0.35175 -> 0.35, plus 0.10; the agent's 1 % = 23.45 -> 23.
      expect(payment.transfers.map((t) => [t.kind, t.nodeId, t.creditAccountId, t.amount])).toEqual([
        ['payment', payer.id, platformAccountIdsOf(loans, 'EUR').payeeClearingId, 2_345n],
        ['fee', payer.id, fees, 45n],
        ['commission', agent.id, agent.commissionAccountId, 23n],
      ]);
      // A card number is kept masked (first six, last four), never in clear.
      expect(payment.account).toBe(`${GOOD.slice(0, 6)}******${GOOD.slice(-4)}`);
      expect(await balanceOf(payer.ledgerAccountId)).toBe(10_000n - 2_345n - 45n);
      expect((await sut.ledger.account(fees)).creditsPosted - feesBefore).toBe(45n);
      expect(await commissionsOf(dealer)).toEqual([0n]);
      const events = (await sut.outbox()).filter((e) => e.payload.paymentId === payment.id);
      expect(events.map((e) => [e.payload.kind, e.payload.amount]).sort()).toEqual([
        ['commission', '23'],
        ['fee', '45'],
        ['payment', '2345'],
      ]);
      expect(JSON.stringify(events)).not.toContain(GOOD);
    });

    it('refuses a bad check digit, an account off the format, an amount past the payee’s limits: nothing posted, nothing reserved', async () => {
      const { payer } = await tree(10_000n, { dailyLimit: 5_000n });
      const refused = [
        [{ account: '4242424242424241' }, { reason: 'account_checksum', checksum: 'luhn' }],
        [{ account: '4242-4242-4242-4242' }, { reason: 'account_pattern', pattern: '[0-9]{16}' }],
        [{ amount: 5_001n }, { reason: 'amount_above_max', max: 5_000n }],
        [{ amount: 99n }, { reason: 'amount_below_min', min: 100n }],
      ] as const;
      for (const [asked, refusal] of refused) {
        const paymentId = randomUUID();
        const { amount = 1_000n, account = GOOD } = asked as { amount?: bigint; account?: string };
        expect(await pay(payer, amount, paymentId, { payeeId: loans, account })).toEqual({ kind: 'payee_refused', ...refusal });
        expect(await rows(paymentId)).toBe('0');
      }
      expect(await balanceOf(payer.ledgerAccountId)).toBe(10_000n);
      // Nothing counted against the day: the whole daily limit is still there.
      posted(await pay(payer, 5_000n, randomUUID(), { payeeId: loans, account: GOOD }));
    });

    it('refuses a suspended payee, a payee outside the catalogue (even with a plan), one without a plan, and one in another currency', async () => {
      const { payer } = await tree(10_000n);
      const suspended = await sut.payee([{ level: 'agent', percentBasisPoints: 100n, fixed: 0n }], { status: 'suspended' });
      const planOnly = `plan-only-${randomUUID().slice(0, 8)}`;
      await sut.plans.replace({ payeeId: planOnly, rules: [{ level: 'agent', percentBasisPoints: 100n, fixed: 0n, tiers: [], min: null, max: null }] });
      const noPlan = await sut.payee([]);
      const koruny = await sut.payee([{ level: 'agent', percentBasisPoints: 100n, fixed: 0n }], { currency: 'CZK' });
      const ids = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      expect(await pay(payer, 100n, ids[0], { payeeId: suspended })).toEqual({ kind: 'payee_refused', reason: 'suspended' });
      expect(await pay(payer, 100n, ids[1], { payeeId: planOnly })).toEqual({ kind: 'unknown_payee' });
      expect(await pay(payer, 100n, ids[2], { payeeId: noPlan })).toEqual({ kind: 'no_commission_plan' });
      expect(await pay(payer, 100n, ids[3], { payeeId: koruny })).toEqual({ kind: 'payee_refused', reason: 'currency_mismatch', payeeCurrency: 'CZK' });
      expect(await Promise.all(ids.map(rows))).toEqual(['0', '0', '0', '0']);
      expect(await balanceOf(payer.ledgerAccountId)).toBe(10_000n);
    });

    it('counts the fee against the balance plus credit limit: past it, nothing is posted, the fee named', async () => {
      const { payer } = await tree(1_000n);
      // 990 + 1.5 % of 9.90 = 0.1485 -> 0.15 + 0.10 = 1,015 > 1,000.
      expect(await pay(payer, 990n, randomUUID(), { payeeId: loans, account: GOOD })).toEqual({
        kind: 'limit_exceeded',
        limit: 'credit',
        available: 1_000n,
        fee: 25n,
      });
      expect(await balanceOf(payer.ledgerAccountId)).toBe(1_000n);
      posted(await pay(payer, 975n, randomUUID(), { payeeId: loans, account: GOOD }));
      expect(await balanceOf(payer.ledgerAccountId)).toBe(0n);
    });
  });
});
