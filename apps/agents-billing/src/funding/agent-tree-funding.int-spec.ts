import { randomUUID } from 'node:crypto';

import { type AgentsBillingUnderTest, openAgentsBilling } from '../testing/agents-billing.fixture';
import type { AgentNode } from '../tree/agent-node';

jest.setTimeout(60_000);

/** The tree and its fundings on real PostgreSQL and on PGlite (the embedded mode); the ledger's invariants after every test. */
describe.each(['postgres', 'pglite'] as const)('agents tree and funding (%s)', (kind) => {
  let sut: AgentsBillingUnderTest;

  beforeAll(async () => {
    sut = await openAgentsBilling(kind);
  });
  afterEach(async () => {
    expect(await sut.violations()).toEqual([]);
  });
  afterAll(() => sut?.close());

  const fund = (child: AgentNode, amount: bigint, fundingId = randomUUID()) => sut.fund.execute({ fundingId, childId: child.id, amount });
  const balanceOf = async (node: AgentNode) => {
    const account = await sut.ledger.account(node.ledgerAccountId);
    return account.creditsPosted - account.debitsPosted;
  };

  it('opens a four-level tree: levels from the parent, the currency of the dealer, a ledger account with the credit limit', async () => {
    const dealer = await sut.dealer({ creditLimit: 100_000n });
    const agent = await sut.child(dealer, { creditLimit: 5_000n });
    const sub = await sut.child(agent);
    const subSub = await sut.child(sub, { paymentLimit: 700n, dailyLimit: 2_000n });

    expect([dealer, agent, sub, subSub].map((n) => [n.level, n.parentId, n.currency])).toEqual([
      ['dealer', null, 'EUR'],
      ['agent', dealer.id, 'EUR'],
      ['sub-agent', agent.id, 'EUR'],
      ['sub-agent', sub.id, 'EUR'],
    ]);
    expect(await sut.ledger.account(agent.ledgerAccountId)).toMatchObject({ currency: 'EUR', debitsMustNotExceedCredits: true, creditLimit: 5_000n });
    expect((await sut.nodes.ancestry(subSub.id)).map((n) => n.id)).toEqual([subSub.id, sub.id, agent.id, dealer.id]);
    expect((await sut.nodes.children(agent.id, 10)).map((n) => n.id)).toEqual([sub.id]);
    const sibling = await sut.child(agent);
    expect((await sut.nodes.subtree(dealer.id, 100)).map(({ node, depth }) => [node.id, depth])).toEqual([
      [dealer.id, 0],
      [agent.id, 1],
      [sub.id, 2],
      [subSub.id, 3],
      [sibling.id, 2],
    ]);
    expect(await sut.open.execute({ parentId: randomUUID(), name: 'orphan', limits: { creditLimit: 0n, paymentLimit: null, dailyLimit: null } })).toEqual({
      kind: 'parent_not_found',
    });
  });

  it("funds a child from its parent within the parent's balance plus credit limit, and refuses past it naming what is available", async () => {
    const dealer = await sut.dealer({ creditLimit: 1_000n });
    const agent = await sut.child(dealer);

    expect(await fund(agent, 600n)).toMatchObject({ kind: 'funded' });
    expect(await fund(agent, 401n)).toEqual({ kind: 'parent_limit_exceeded', available: 400n });
    expect(await fund(agent, 400n)).toMatchObject({ kind: 'funded' });
    expect(await fund(agent, 1n)).toEqual({ kind: 'parent_limit_exceeded', available: 0n });

    expect([await balanceOf(dealer), await balanceOf(agent)]).toEqual([-1_000n, 1_000n]);
    expect(await fund(dealer, 1n)).toEqual({ kind: 'dealer_has_no_parent' });
  });

  it("lets exactly the fundings within the dealer's limit through when 20 agents are funded at once", async () => {
    const dealer = await sut.dealer({ creditLimit: 5_000n });
    const agents = await Promise.all(Array.from({ length: 20 }, () => sut.child(dealer)));

    const outcomes = await Promise.all(agents.map((agent) => fund(agent, 700n)));

    expect(outcomes.filter((o) => o.kind === 'funded')).toHaveLength(7);
    expect(outcomes.filter((o) => o.kind !== 'funded')).toEqual(Array(13).fill({ kind: 'parent_limit_exceeded', available: 100n }));
    expect(await balanceOf(dealer)).toBe(-4_900n);
  });

  it('answers a repeated funding id with the first funding, moves the money once, and refuses the id with another amount', async () => {
    const dealer = await sut.dealer({ creditLimit: 1_000n });
    const agent = await sut.child(dealer);
    const fundingId = randomUUID();

    const first = await fund(agent, 300n, fundingId);
    const again = await fund(agent, 300n, fundingId);

    // Compared without createdAt: the ledger reads a replay's time back to the second on PGlite (see the report of this slice).
    const same = (outcome: typeof first) => outcome.kind === 'funded' && [outcome.transfer.id, outcome.transfer.sequence, outcome.transfer.amount];
    expect(same(again)).toEqual(same(first));
    expect(await balanceOf(agent)).toBe(300n);
    expect(await fund(agent, 301n, fundingId)).toEqual({ kind: 'id_reused' });
    const events = (await sut.outbox()).filter((e) => e.payload.transferId === fundingId);
    expect(events).toEqual([
      {
        topic: 'agents.ledger.transfer-posted.v1',
        key: agent.id,
        payload: expect.objectContaining({
          kind: 'funding',
          nodeId: agent.id,
          debitAccountId: dealer.ledgerAccountId,
          creditAccountId: agent.ledgerAccountId,
          amount: '300',
          currency: 'EUR',
        }) as unknown,
      },
    ]);
  });

  it('refuses to fund a node whose parent or any ancestor is blocked, and funds it again once unblocked', async () => {
    const dealer = await sut.dealer({ creditLimit: 1_000n });
    const agent = await sut.child(dealer);
    const sub = await sut.child(agent);
    await fund(agent, 500n);

    await sut.status.execute(dealer.id, 'blocked');
    expect(await fund(sub, 10n)).toEqual({ kind: 'blocked', blockedNodeId: dealer.id });
    expect(await fund(agent, 10n)).toEqual({ kind: 'blocked', blockedNodeId: dealer.id });
    await sut.status.execute(dealer.id, 'active');
    expect(await fund(sub, 10n)).toMatchObject({ kind: 'funded' });
    expect(await balanceOf(sub)).toBe(10n);
  });

  it('changes a credit limit in the ledger too, refusing one below what the account already uses', async () => {
    const dealer = await sut.dealer({ creditLimit: 1_000n });
    const agent = await sut.child(dealer);
    await fund(agent, 800n);

    expect(await sut.changeLimits.execute({ nodeId: dealer.id, changes: { creditLimit: 799n } })).toEqual({ kind: 'credit_limit_below_use', used: 800n });
    expect(await fund(agent, 200n)).toMatchObject({ kind: 'funded' });
    const raised = await sut.changeLimits.execute({ nodeId: dealer.id, changes: { creditLimit: 1_500n, dailyLimit: 9_000n } });
    expect(raised).toMatchObject({ kind: 'changed', node: { creditLimit: 1_500n, dailyLimit: 9_000n, paymentLimit: null } });
    expect(await fund(agent, 500n)).toMatchObject({ kind: 'funded' });
    expect(await fund(agent, 1n)).toEqual({ kind: 'parent_limit_exceeded', available: 0n });
    expect(await sut.changeLimits.execute({ nodeId: randomUUID(), changes: { creditLimit: 1n } })).toEqual({ kind: 'not_found' });
  });
});
