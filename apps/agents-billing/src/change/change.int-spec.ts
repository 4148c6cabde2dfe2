import { randomUUID, scryptSync } from 'node:crypto';

import { namedId } from '../accounts/named-id';
import { type AgentsBillingUnderTest, openAgentsBilling } from '../testing/agents-billing.fixture';
import type { AgentNode } from '../tree/agent-node';
import { changeAccountsOf } from './change-account';
import type { ChangeMove, ChangeOutcome } from './move-change.usecase';
import type { E164 } from './phone-number';

/** The payer's change PIN of every test's phone (the first keep sets it). */
const PIN = '4821';

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
    sut.moveChange.execute('keep', { moveId, nodeId: agent.id, phone, amount, pin: PIN });
  /** A spend or pay-out of `amount` with the payer's PIN (or `pin`; null: none), under a new id. */
  const take = (move: ChangeMove, agent: AgentNode, phone: string, amount: bigint, pin: string | null = PIN) =>
    sut.moveChange.execute(move, { moveId: randomUUID(), nodeId: agent.id, phone, amount, pin: pin ?? undefined });
  /** The balance as an operator reads it (no PIN). */
  const balanceOf = async (phone: string) => {
    const answer = await sut.changeBalance.execute({ phone, currency: 'EUR' });
    if (answer.kind !== 'balance') throw new Error(answer.kind);
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
    const spent = moved(await sut.moveChange.execute('spend', { moveId: randomUUID(), nodeId: agent.id, phone, amount: 600n, paymentId, pin: PIN }));
    expect(spent.changeBalance).toBe(400n);
    expect(spent.transfer.reference).toContain(`toward payment ${paymentId}`);
    expect(await take('pay-out', agent, phone, 401n)).toEqual({ kind: 'change_insufficient', changeBalance: 400n });
    moved(await take('pay-out', agent, phone, 400n));
    expect(await balanceOf(phone)).toBe(0n);
    expect(await agentBalance(agent)).toBe(10_000n);
    expect(await take('spend', agent, phone, 1n)).toEqual({ kind: 'change_insufficient', changeBalance: 0n });
  });

  it('under 20 concurrent pay-outs of 100 from a balance of 1,000 exactly 10 pass', async () => {
    const { agent } = await agentWith(10_000n);
    const phone = freshPhone();
    moved(await keep(agent, phone, 1_000n));
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => take('pay-out', agent, phone, 100n)));
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
    expect(await sut.moveChange.execute('pay-out', { moveId, nodeId: agent.id, phone, amount: 250n, pin: PIN })).toEqual({ kind: 'id_reused' });
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

  it('publishes each move with the last four digits of the phone only, under an account id keyed by the configured secret', async () => {
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
    expect(outcome.transfer.reference).toBe('change-kept ***7654');
    const changeId = outcome.transfer.creditAccountId;
    expect(events[0].payload.creditAccountId).toBe(changeId);
    expect(changeId).toBe(changeAccountsOf({}).of('+420602987654' as E164, 'EUR').id);
    // Not the unkeyed hash anyone could compute over every number, and another key gives another id.
    expect(changeId).not.toBe(namedId('change:+420602987654:EUR'));
    expect(changeAccountsOf({ AGENTS_BILLING_CHANGE_ID_KEY: 'ab'.repeat(32) }).of('+420602987654' as E164, 'EUR').id).not.toBe(changeId);
  });

  it("sets the payer's PIN at the first keep, only as a salted slow hash; a later keep needs none, but a PIN given must match", async () => {
    const { agent } = await agentWith(10_000n);
    const [phone, other] = [freshPhone(), freshPhone()];
    expect(await sut.moveChange.execute('keep', { moveId: randomUUID(), nodeId: agent.id, phone, amount: 100n })).toEqual({ kind: 'pin_required' });
    moved(await keep(agent, phone, 100n));
    moved(await keep(agent, other, 100n));
    moved(await sut.moveChange.execute('keep', { moveId: randomUUID(), nodeId: agent.id, phone, amount: 50n }));
    expect(await sut.moveChange.execute('keep', { moveId: randomUUID(), nodeId: agent.id, phone, amount: 50n, pin: '1234' })).toEqual({ kind: 'pin_wrong' });
    expect(await balanceOf(phone)).toBe(150n);
    expect(await agentBalance(agent)).toBe(9_750n);

    const rows = await sut.scratch.db.connection.query<{ pin_salt: string; pin_hash: string }>(`SELECT "pin_salt", "pin_hash" FROM "change_holder_pin"`);
    // Every holder has the same PIN here, yet each its own salt and hash: scrypt of the PIN under that salt.
    expect(new Set(rows.map((r) => r.pin_salt)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.pin_hash)).size).toBe(rows.length);
    const scryptOf = (salt: string) => scryptSync(PIN, Buffer.from(salt, 'hex'), 32, { N: 16_384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }).toString('hex');
    expect(rows.map((r) => r.pin_hash)).toEqual(rows.map((r) => scryptOf(r.pin_salt)));
  });

  it('refuses a spend, a pay-out or a balance without the PIN or with a wrong one, moving nothing; an operator needs none', async () => {
    const { agent } = await agentWith(10_000n);
    const phone = freshPhone();
    moved(await keep(agent, phone, 500n));
    expect(await take('spend', agent, phone, 100n, null)).toEqual({ kind: 'pin_required' });
    expect(await take('pay-out', agent, phone, 100n, null)).toEqual({ kind: 'pin_required' });
    expect(await take('spend', agent, phone, 100n, '0000')).toEqual({ kind: 'pin_wrong' });
    expect(await take('pay-out', agent, phone, 100n, '482100')).toEqual({ kind: 'pin_wrong' });
    expect(await sut.changeBalance.execute({ phone, currency: 'EUR', pin: '9999' })).toEqual({ kind: 'pin_wrong' });
    expect(await balanceOf(phone)).toBe(500n);
    expect(await agentBalance(agent)).toBe(9_500n);
    expect(
      moved(await sut.moveChange.execute('pay-out', { moveId: randomUUID(), nodeId: agent.id, phone, amount: 100n, byOperator: true })).changeBalance,
    ).toBe(400n);
    expect(await balanceOf(phone)).toBe(400n);
  });

  it('locks the holder for 30 minutes after 5 wrong PINs in a row, the right one refused meanwhile; a right PIN resets the count', async () => {
    const { agent } = await agentWith(10_000n);
    const phone = freshPhone();
    moved(await keep(agent, phone, 500n));
    const wrong = () => take('pay-out', agent, phone, 100n, '1111');
    for (let i = 0; i < 4; i++) expect(await wrong()).toEqual({ kind: 'pin_wrong' });
    expect(await sut.changeBalance.execute({ phone, currency: 'EUR', pin: PIN })).toMatchObject({ kind: 'balance', balance: 500n });
    for (let i = 0; i < 4; i++) expect(await wrong()).toEqual({ kind: 'pin_wrong' });
    const before = Date.now();
    const locked = await wrong();
    expect(locked).toEqual({ kind: 'locked', until: expect.any(Date) });
    const until = (locked as { until: Date }).until.getTime();
    expect(until - before).toBeGreaterThan(29 * 60_000);
    expect(until - before).toBeLessThan(31 * 60_000);
    expect(await take('pay-out', agent, phone, 100n)).toEqual({ kind: 'locked', until: new Date(until) });
    expect(await sut.changeBalance.execute({ phone, currency: 'EUR', pin: PIN })).toEqual({ kind: 'locked', until: new Date(until) });
    expect(await agentBalance(agent)).toBe(9_500n);

    // The lock over: the right PIN again, and the count starts afresh.
    const changeId = changeAccountsOf({}).of(phone.replace(/ /g, '') as E164, 'EUR').id;
    await sut.scratch.db.connection.query(`UPDATE "change_holder_pin" SET "locked_until" = now() - interval '1 second' WHERE "change_account_id" = $1::uuid`, [
      changeId,
    ]);
    expect(moved(await take('pay-out', agent, phone, 100n)).changeBalance).toBe(400n);
    expect(await wrong()).toEqual({ kind: 'pin_wrong' });
  });

  it('counts concurrent wrong PINs exactly: of 7 at once, 4 are wrong and the 5th locks', async () => {
    const { agent } = await agentWith(10_000n);
    const phone = freshPhone();
    moved(await keep(agent, phone, 500n));
    const outcomes = await Promise.all(Array.from({ length: 7 }, (_, i) => take(i % 2 ? 'spend' : 'pay-out', agent, phone, 100n, '2222')));
    expect(outcomes.filter((o) => o.kind === 'pin_wrong')).toHaveLength(4);
    expect(outcomes.filter((o) => o.kind === 'locked')).toHaveLength(3);
    expect(await take('spend', agent, phone, 100n)).toMatchObject({ kind: 'locked' });
    expect(await balanceOf(phone)).toBe(500n);
  });
});
