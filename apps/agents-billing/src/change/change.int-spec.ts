import { randomUUID } from 'node:crypto';

import { type AgentsBillingUnderTest, openAgentsBilling } from '../testing/agents-billing.fixture';
import type { AgentNode } from '../tree/agent-node';
import type { ChangeOutcome } from './move-change.usecase';

jest.setTimeout(90_000);

/** Payers' change by phone number on real PostgreSQL and on PGlite; the ledger's invariants after every test. */
describe.each(['postgres', 'pglite'] as const)('change accounts (%s)', (kind) => {
  let sut: AgentsBillingUnderTest;

  beforeAll(async () => {
    sut = await openAgentsBilling(kind);
  });
  afterEach(async () => {
    expect(await sut.violations()).toEqual([]);
  });
  afterAll(() => sut?.close());

  /** An agent under a dealer, funded with `funds`, and a phone number no other test uses. */
  const agentWith = async (funds: bigint, creditLimit = 0n) => {
    const dealer = await sut.dealer({ creditLimit: 1_000_000n });
    const agent = await sut.child(dealer, { creditLimit });
    if (funds > 0n) await sut.fund.execute({ fundingId: randomUUID(), childId: agent.id, amount: funds });
    return { dealer, agent };
  };
  let nextPhone = 100_000;
  const freshPhone = () => `+420 777 ${nextPhone++}`;
  const keep = (agent: AgentNode, phone: string, amount: bigint, moveId = randomUUID()) =>
    sut.moveChange.execute('keep', { moveId, nodeId: agent.id, phone, amount });
  const balanceOf = async (phone: string) => {
    const answer = await sut.changeBalance.execute({ phone, currency: 'EUR' });
    if (answer.kind !== 'balance') throw new Error(answer.reason);
    return answer.balance;
  };
  const agentBalance = async (agent: AgentNode) => {
    const account = await sut.ledger.account(agent.ledgerAccountId);
    return account.creditsPosted - account.debitsPosted;
  };
  const moved = (outcome: ChangeOutcome) => {
    if (outcome.kind !== 'moved') throw new Error(`expected moved, got ${outcome.kind}`);
    return outcome;
  };

  it("keeps change on the payer's account by phone, however the number is written, from the agent's balance", async () => {
    const { agent } = await agentWith(10_000n);
    const phone = freshPhone();
    const outcome = moved(await keep(agent, phone, 730n));
    expect(outcome).toMatchObject({ maskedPhone: `***${phone.replace(/\D/g, '').slice(-4)}`, changeBalance: 730n });
    moved(await keep(agent, `00${phone.replace(/[+ ]/g, '')}`, 270n));
    expect(await balanceOf(phone.replace(/ /g, ''))).toBe(1_000n);
    expect(await agentBalance(agent)).toBe(9_000n);
  });

  it('spends change toward a payment and pays the rest out in cash, never below zero', async () => {
    const { agent } = await agentWith(10_000n);
    const phone = freshPhone();
    moved(await keep(agent, phone, 1_000n));
    const paymentId = randomUUID();
    const spent = moved(await sut.moveChange.execute('spend', { moveId: randomUUID(), nodeId: agent.id, phone, amount: 600n, paymentId }));
    expect(spent.changeBalance).toBe(400n);
    expect(spent.transfer.reference).toContain(`toward payment ${paymentId}`);
    expect(await sut.moveChange.execute('pay-out', { moveId: randomUUID(), nodeId: agent.id, phone, amount: 401n })).toEqual({
      kind: 'change_insufficient',
      changeBalance: 400n,
    });
    moved(await sut.moveChange.execute('pay-out', { moveId: randomUUID(), nodeId: agent.id, phone, amount: 400n }));
    expect(await balanceOf(phone)).toBe(0n);
    expect(await agentBalance(agent)).toBe(10_000n);
    expect(await sut.moveChange.execute('spend', { moveId: randomUUID(), nodeId: agent.id, phone, amount: 1n })).toEqual({
      kind: 'change_insufficient',
      changeBalance: 0n,
    });
  });

  it('under 20 concurrent pay-outs of 100 from a balance of 1,000 exactly 10 pass', async () => {
    const { agent } = await agentWith(10_000n);
    const phone = freshPhone();
    moved(await keep(agent, phone, 1_000n));
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => sut.moveChange.execute('pay-out', { moveId: randomUUID(), nodeId: agent.id, phone, amount: 100n })),
    );
    expect(outcomes.filter((o) => o.kind === 'moved')).toHaveLength(10);
    expect(outcomes.filter((o) => o.kind === 'change_insufficient')).toHaveLength(10);
    expect(await balanceOf(phone)).toBe(0n);
  });

  it("refuses to keep change past the agent's balance plus credit limit, and at a blocked agent, changing nothing", async () => {
    const { dealer, agent } = await agentWith(500n, 100n);
    const phone = freshPhone();
    expect(await keep(agent, phone, 601n)).toEqual({ kind: 'agent_limit_exceeded', available: 600n });
    await sut.status.execute(dealer.id, 'blocked');
    expect(await keep(agent, phone, 100n)).toEqual({ kind: 'blocked', blockedNodeId: dealer.id });
    expect(await balanceOf(phone)).toBe(0n);
    expect(await agentBalance(agent)).toBe(500n);
  });

  it('answers a repeated move with the first one, posted once; another body under its id is refused', async () => {
    const { agent } = await agentWith(10_000n);
    const phone = freshPhone();
    const moveId = randomUUID();
    const first = moved(await keep(agent, phone, 250n, moveId));
    const again = moved(await keep(agent, phone, 250n, moveId));
    expect([again.transfer.id, again.transfer.sequence, again.changeBalance]).toEqual([first.transfer.id, first.transfer.sequence, 250n]);
    expect(await keep(agent, phone, 251n, moveId)).toEqual({ kind: 'id_reused' });
    expect(await sut.moveChange.execute('pay-out', { moveId, nodeId: agent.id, phone, amount: 250n })).toEqual({ kind: 'id_reused' });
    expect(await balanceOf(phone)).toBe(250n);
  });

  it('refuses a phone number that is not international or not valid, naming why', async () => {
    const { agent } = await agentWith(1_000n);
    expect(await keep(agent, '777123456', 10n)).toEqual({ kind: 'invalid_phone', reason: 'must be international: + (or 00) and the country code' });
    expect(await sut.changeBalance.execute({ phone: '+999 1', currency: 'EUR' })).toEqual({
      kind: 'invalid_phone',
      reason: "is not a valid number of its country's numbering plan",
    });
    expect(await agentBalance(agent)).toBe(1_000n);
  });

  it('publishes each move with the last four digits of the phone only', async () => {
    const { agent } = await agentWith(1_000n);
    const phone = '+420 602 987 654';
    const outcome = moved(await keep(agent, phone, 90n));
    const events = (await sut.outbox()).filter((e) => e.payload.transferId === outcome.transfer.id);
    expect(events).toEqual([
      {
        topic: 'agents.ledger.cash-posted.v1',
        key: agent.id,
        payload: expect.objectContaining({ kind: 'change-kept', nodeId: agent.id, amount: '90', currency: 'EUR', phoneLast4: '7654' }),
      },
    ]);
    expect(JSON.stringify(events)).not.toContain('602987654');
    expect(outcome.transfer.reference).toBe('change-kept ***7654');
  });
});
