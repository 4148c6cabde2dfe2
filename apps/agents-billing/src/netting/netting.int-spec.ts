import { randomUUID } from 'node:crypto';

import type { AgentsBillingDb } from '../database/agents-billing-db.provider';
import { type AgentsBillingUnderTest, openAgentsBilling } from '../testing/agents-billing.fixture';
import type { AgentNode } from '../tree/agent-node';
import { NetDayUseCase } from './net-day.usecase';
import type { NodeStatement } from './node-statement.usecase';

jest.setTimeout(60_000);

const at = (iso: string) => new Date(iso);

/**
 * A day of fundings, payments, fees and commissions on a dealer, an agent and a sub-agent, written
 * by a ledger whose clock says that day; then netted after it closed. On PostgreSQL and PGlite,
 * the ledger's invariants after every test.
 */
describe.each(['postgres', 'pglite'] as const)('netting and statements (%s)', (kind) => {
  let sut: AgentsBillingUnderTest;
  let clock: Date;

  beforeAll(async () => {
    sut = await openAgentsBilling(kind, { clock: () => clock });
  });
  afterEach(async () => {
    expect(await sut.violations()).toEqual([]);
  });
  afterAll(() => sut?.close());

  /** dealer → agent → sub-agent; the payee's plan: dealer 0.5 %, agent 1 %, sub-agent 2 %; the payer's fee 10. */
  async function aDayOfBusiness(day: string) {
    clock = at(`${day}T08:00:00.000Z`);
    const dealer = await sut.dealer({ creditLimit: 100_000n });
    const agent = await sut.child(dealer);
    const sub = await sut.child(agent);
    const payeeId = await sut.payee(
      [
        { level: 'dealer', percentBasisPoints: 50n, fixed: 0n },
        { level: 'agent', percentBasisPoints: 100n, fixed: 0n },
        { level: 'sub-agent', percentBasisPoints: 200n, fixed: 0n },
      ],
      { fee: { percentBasisPoints: 0n, fixed: 10n } },
    );
    const fund = async (child: AgentNode, amount: bigint) =>
      expect(await sut.fund.execute({ fundingId: randomUUID(), childId: child.id, amount })).toMatchObject({ kind: 'funded' });
    const pay = async (payer: AgentNode, amount: bigint) =>
      expect(
        await sut.pay.execute({ paymentId: randomUUID(), nodeId: payer.id, payeeId, amount, currency: 'EUR', account: '+420777123456', now: clock }),
      ).toMatchObject({ kind: 'posted' });
    await fund(agent, 50_000n);
    clock = at(`${day}T12:00:00.000Z`);
    await fund(sub, 10_000n);
    await pay(sub, 2_000n); // commissions: sub 40, agent 20, dealer 10
    clock = at(`${day}T23:59:59.999Z`);
    await pay(agent, 5_000n); // commissions: agent 50, dealer 25
    return { dealer, agent, sub };
  }

  const statementOf = async (node: AgentNode, from: string, to: string, now: Date): Promise<NodeStatement> => {
    const outcome = await sut.statements.execute(node.id, from, to, now);
    if (outcome.kind !== 'statement') throw new Error(`expected a statement, got ${outcome.kind}`);
    return outcome.statement;
  };
  const sectionsOf = (statement: NodeStatement) => statement.sections.map((s) => ({ opening: s.opening, movements: s.movements, closing: s.closing }));
  const settlementEvents = async () => (await sut.outbox()).filter((m) => m.payload.kind === 'settlement');

  it("gives each node a statement whose opening plus movements is its closing balance, the same before and after the day's netting", async () => {
    const { agent, sub } = await aDayOfBusiness('2026-03-10');
    const closedAt = at('2026-03-11T00:05:00.000Z');

    const before = await statementOf(agent, '2026-03-10', '2026-03-10', closedAt);

    expect(sectionsOf(before)).toEqual([
      {
        opening: 0n,
        movements: { fundingsReceived: 50_000n, fundingsGiven: -10_000n, payments: -5_000n, fees: -10n, settlementsReceived: 0n, other: 0n },
        closing: 34_990n,
      },
      { opening: 0n, movements: { commissionsEarned: 70n, settlementsPaid: 0n, other: 0n }, closing: 70n },
    ]);
    expect((await statementOf(sub, '2026-03-10', '2026-03-10', closedAt)).sections[0]).toMatchObject({
      movements: { fundingsReceived: 10_000n, payments: -2_000n, fees: -10n },
      closing: 7_990n,
    });

    clock = at('2026-03-11T00:06:00.000Z');
    await sut.netDay.execute('2026-03-10', clock);
    const after = await statementOf(agent, '2026-03-10', '2026-03-10', at('2026-03-12T09:00:00.000Z'));

    expect(sectionsOf(after)).toEqual(sectionsOf(before));
    expect(after.settlements.map((s) => [s.childId, s.parentId, s.fundings, s.commissions, s.netDue, s.status])).toEqual(
      expect.arrayContaining([
        [agent.id, agent.parentId, 50_000n, 70n, 49_930n, 'settled'],
        [sub.id, agent.id, 10_000n, 40n, 9_960n, 'settled'],
      ]),
    );
    expect(after.settlements).toHaveLength(2);
  });

  it("sets each child's commissions off against its parent's fundings once, however often the day is netted", async () => {
    const { dealer, agent, sub } = await aDayOfBusiness('2026-04-10');
    clock = at('2026-04-11T00:06:00.000Z');
    const eventsBefore = (await settlementEvents()).length;

    const first = await sut.netDay.execute('2026-04-10', clock);
    const again = await sut.netDay.execute('2026-04-10', at('2026-04-11T03:00:00.000Z'));

    expect(again).toEqual(first);
    const ours = (first.kind === 'netted' ? first.settlements : []).filter((s) => [agent.id, sub.id].includes(s.childId));
    expect(ours.map((s) => [s.childId, s.commissions, s.status])).toEqual(
      expect.arrayContaining([
        [agent.id, 70n, 'settled'],
        [sub.id, 40n, 'settled'],
      ]),
    );
    const events = (await settlementEvents()).slice(eventsBefore);
    expect(events.map((e) => [e.key, e.payload.amount, e.payload.debitAccountId, e.payload.creditAccountId])).toEqual(
      expect.arrayContaining([
        [agent.id, '70', agent.commissionAccountId, dealer.ledgerAccountId],
        [sub.id, '40', sub.commissionAccountId, agent.ledgerAccountId],
      ]),
    );
    expect(events).toHaveLength(2);
    for (const s of ours) expect(await sut.ledger.findTransfer(s.transferId as string)).toMatchObject({ amount: s.commissions });

    // The settlement moved on the day it was posted: the agent's next day shows it, and both days together add up.
    const nextDay = await statementOf(agent, '2026-04-11', '2026-04-11', at('2026-04-12T00:05:00.000Z'));
    expect(sectionsOf(nextDay)).toEqual([
      { opening: 34_990n, movements: expect.objectContaining({ settlementsReceived: 40n }), closing: 35_030n },
      { opening: 70n, movements: { commissionsEarned: 0n, settlementsPaid: -70n, other: 0n }, closing: 0n },
    ]);
    const both = await statementOf(agent, '2026-04-10', '2026-04-11', at('2026-04-12T00:05:00.000Z'));
    expect(sectionsOf(both)[1]).toEqual({ opening: 0n, movements: { commissionsEarned: 70n, settlementsPaid: -70n, other: 0n }, closing: 0n });
    expect(both.sections[0]).toMatchObject({ opening: 0n, closing: 35_030n });
    expect((await statementOf(dealer, '2026-04-11', '2026-04-11', at('2026-04-12T00:05:00.000Z'))).sections[0].movements.settlementsReceived).toBe(70n);
  });

  it('finishes a netting stopped after the ledger posted, with one transfer and one event', async () => {
    const { agent, sub } = await aDayOfBusiness('2026-05-10');
    clock = at('2026-05-11T00:06:00.000Z');
    const db = sut.scratch.db.connection;
    const stopped = Object.assign(Object.create(db) as AgentsBillingDb, { transaction: () => Promise.reject(new Error('connection terminated')) });
    const eventsBefore = (await settlementEvents()).length;
    const ours = async () => (await sut.netting.ofDay('2026-05-10')).filter((s) => [agent.id, sub.id].includes(s.childId));

    await expect(new NetDayUseCase(sut.netting, sut.nodes, sut.ledger, stopped).execute('2026-05-10', clock)).rejects.toThrow('connection terminated');
    const left = await ours();
    expect(left.map((s) => s.status)).toEqual(['decided', 'decided']);
    const posted = [];
    for (const s of left) if (await sut.ledger.findTransfer(s.transferId as string)) posted.push(s);
    expect(posted).toHaveLength(1); // the first one's transfer, then the process stopped

    await sut.netDay.execute('2026-05-10', at('2026-05-11T01:00:00.000Z'));

    expect((await ours()).map((s) => s.status)).toEqual(['settled', 'settled']);
    const events = (await settlementEvents()).slice(eventsBefore);
    expect(events.map((e) => e.payload.transferId).sort()).toEqual(left.map((s) => s.transferId).sort());
    expect((await sut.ledger.account(sub.commissionAccountId)).debitsPosted).toBe(40n);
    expect((await sut.ledger.account(agent.commissionAccountId)).debitsPosted).toBe(70n);
  });

  it('refuses a day not closed yet and a node not in the tree, with nothing netted', async () => {
    expect(await sut.netDay.execute('2026-06-10', at('2026-06-11T00:04:59.999Z'))).toEqual({ kind: 'day_not_closed' });
    expect(await sut.netting.ofDay('2026-06-10')).toEqual([]);
    expect(await sut.statements.execute(randomUUID(), '2026-06-10', '2026-06-10', at('2026-06-12T00:00:00.000Z'))).toEqual({ kind: 'not_found' });
    const dealer = await sut.dealer();
    expect(await sut.statements.execute(dealer.id, '2026-06-10', '2026-06-10', at('2026-06-11T00:04:00.000Z'))).toEqual({ kind: 'day_not_closed' });
  });
});

describe.each(['postgres', 'pglite'] as const)('the netting pass (%s)', (kind) => {
  let sut: AgentsBillingUnderTest;
  let clock = at('2026-07-01T10:00:00.000Z');

  beforeAll(async () => {
    sut = await openAgentsBilling(kind, { clock: () => clock });
  });
  afterEach(async () => {
    expect(await sut.violations()).toEqual([]);
  });
  afterAll(() => sut?.close());

  it('nets each closed day in order from the first transfer, goes on from the last netted day, and waits for the next to close', async () => {
    const dealer = await sut.dealer({ creditLimit: 10_000n });
    const agent = await sut.child(dealer);
    const payeeId = await sut.payee([{ level: 'agent', percentBasisPoints: 0n, fixed: 7n }]);
    await sut.fund.execute({ fundingId: randomUUID(), childId: agent.id, amount: 1_000n });
    clock = at('2026-07-03T10:00:00.000Z');
    await sut.pay.execute({ paymentId: randomUUID(), nodeId: agent.id, payeeId, amount: 100n, currency: 'EUR', account: 'x', now: clock });

    expect(await sut.nettingWorker.runOnce(at('2026-07-02T00:04:00.000Z'))).toEqual(at('2026-07-02T00:05:00.000Z'));
    expect(await sut.netting.ofDay('2026-07-01')).toEqual([]);

    clock = at('2026-07-04T00:06:00.000Z');
    expect(await sut.nettingWorker.runOnce(at('2026-07-04T00:06:00.000Z'))).toEqual(at('2026-07-05T00:05:00.000Z'));

    expect((await sut.netting.ofDay('2026-07-01')).map((s) => [s.childId, s.fundings, s.commissions, s.transferId, s.status])).toEqual([
      [agent.id, 1_000n, 0n, null, 'settled'],
    ]);
    expect(await sut.netting.ofDay('2026-07-02')).toEqual([]);
    expect((await sut.netting.ofDay('2026-07-03')).map((s) => [s.childId, s.fundings, s.commissions, s.netDue, s.status])).toEqual([
      [agent.id, 0n, 7n, -7n, 'settled'],
    ]);
    expect(await sut.netting.nextDayToNet()).toBe('2026-07-04');
    const transfers = (await sut.ledger.history(agent.commissionAccountId)).entries;
    expect(transfers.map((e) => [e.side, e.transfer.amount])).toEqual([
      ['credit', 7n],
      ['debit', 7n],
    ]);
  });
});
