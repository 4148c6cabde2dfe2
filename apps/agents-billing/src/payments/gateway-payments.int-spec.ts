import { randomUUID } from 'node:crypto';

import { PayeeGatewaySimulator } from '@payments/testing';

import { namedId } from '../accounts/named-id';
import { platformAccountIdsOf } from '../accounts/platform-accounts';
import { type AgentsBillingUnderTest, openAgentsBilling } from '../testing/agents-billing.fixture';
import type { AgentNode } from '../tree/agent-node';
import type { PayPayeeOutcome, PayPayeeUseCase } from './pay-payee.usecase';
import { ReservedPaymentsWorker } from './reserved-payments.worker';

jest.setTimeout(90_000);

const DEADLINE_MS = 300;
const ACCOUNT = '+420777123456';
const AMOUNT = 2_500n;
/** The payer's fixed fee at the gateway payee. */
const FEE = 10n;
/** Far enough ahead for every pending payment to be due for its status query. */
const later = () => new Date(Date.now() + 60 * 60_000);

const show = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

/**
 * Payments through a payee's gateway (the simulator over real HTTP on 127.0.0.1), on real
 * PostgreSQL and on PGlite: held in the ledger, then posted, returned or resolved by status; never
 * paid twice; the gateway-down alert; the online payee check. The ledger's invariants after every test.
 */
describe.each(['postgres', 'pglite'] as const)('payments through a payee gateway (%s)', (kind) => {
  let sut: AgentsBillingUnderTest;
  let simulator: PayeeGatewaySimulator;
  let payeeId: string;
  /** How far ahead of the system clock the ledger's clock runs (a hold's timeout passed without waiting a week). */
  let ledgerAhead = 0;

  beforeAll(async () => {
    sut = await openAgentsBilling(kind, { clock: () => new Date(Date.now() + ledgerAhead) });
    simulator = new PayeeGatewaySimulator({ platformPublicKeyPem: sut.signingKey.publicKeyPem });
    const { url } = await simulator.start();
    payeeId = await sut.payee([{ level: 'agent', percentBasisPoints: 100n, fixed: 0n }], {
      fee: { percentBasisPoints: 0n, fixed: FEE },
      gateway: { baseUrl: url, publicKey: simulator.publicKeyPem, deadlineMs: DEADLINE_MS },
    });
  });
  afterEach(async () => {
    ledgerAhead = 0;
    simulator.resetBehaviours();
    await simulator.start(); // a test that took it down
    expect(await sut.violations()).toEqual([]);
  });
  afterAll(async () => {
    await simulator?.stop();
    await sut?.close();
  });

  const agent = async (limits: { dailyLimit?: bigint } = {}) => sut.child(await sut.dealer(), { creditLimit: 100_000n, ...limits });
  const pay = (payer: AgentNode, amount = AMOUNT, paymentId: string = randomUUID(), account = ACCOUNT) =>
    sut.pay.execute({ paymentId, nodeId: payer.id, payeeId, amount, currency: 'EUR', account, now: new Date() });
  const expectKind = (outcome: PayPayeeOutcome, kind: 'posted' | 'pending' | 'returned') => {
    if (outcome.kind !== kind) throw new Error(`expected ${kind}, got ${show(outcome)}`);
    return outcome.payment;
  };
  const accountOf = (node: AgentNode) => sut.ledger.account(node.ledgerAccountId);
  const clearing = () => sut.ledger.account(platformAccountIdsOf(payeeId, 'EUR').payeeClearingId).catch(() => undefined);
  const eventsOf = async (paymentId: string) => (await sut.outbox()).filter((m) => m.payload.paymentId === paymentId);

  it('posts the held chain when the payee pays: the agent debited amount and fee once, its events name the posting transfers', async () => {
    const payer = await agent();
    const clearingBefore = (await clearing())?.creditsPosted ?? 0n;
    const payment = expectKind(await pay(payer), 'posted');
    expect(payment).toMatchObject({ status: 'posted', viaGateway: true, refusalReason: null });
    expect(simulator.payment(payment.id)).toMatchObject({ status: 'paid', amount: AMOUNT, account: ACCOUNT });
    expect(await accountOf(payer)).toMatchObject({ debitsPosted: AMOUNT + FEE, debitsPending: 0n });
    expect((await clearing())?.creditsPosted).toBe(clearingBefore + AMOUNT);
    const events = await eventsOf(payment.id);
    // Written in one transaction: their order within it is not the chain's.
    expect(events.map((e) => [e.topic, e.payload.kind, e.payload.amount]).sort()).toEqual([
      ['agents.ledger.transfer-posted.v1', 'commission', '25'],
      ['agents.ledger.transfer-posted.v1', 'fee', '10'],
      ['agents.ledger.transfer-posted.v1', 'payment', '2500'],
    ]);
    const paymentEvent = events.find((e) => e.payload.kind === 'payment');
    const postTransfer = await sut.ledger.findTransfer(paymentEvent?.payload.transferId as string);
    expect(postTransfer).toMatchObject({ type: 'post', pendingId: payment.transfers[0]?.id });
  });

  it('returns a declined payment to the agent: the hold voided, nothing posted, a returned event, the daily limit free again', async () => {
    const payer = await agent({ dailyLimit: AMOUNT });
    simulator.on({ amount: AMOUNT }, { kind: 'decline', reason: 'subscriber blocked' });
    const refused = expectKind(await pay(payer), 'returned');
    expect(refused).toMatchObject({ status: 'refused', refusalReason: 'subscriber blocked' });
    expect(await accountOf(payer)).toMatchObject({ debitsPosted: 0n, debitsPending: 0n, creditsPosted: 0n });
    expect(simulator.payment(refused.id)?.status).toBe('declined');
    expect((await eventsOf(refused.id)).map((e) => [e.topic, e.payload.reason, e.payload.amount, e.payload.fee])).toEqual([
      ['agents.payment.returned.v1', 'subscriber blocked', '2500', '10'],
    ]);
    // The same id again answers the same refusal, and the payee is not asked to pay again.
    const requests = simulator.payRequests;
    expect(expectKind(await pay(payer, AMOUNT, refused.id), 'returned').refusalReason).toBe('subscriber blocked');
    expect(simulator.payRequests).toBe(requests);
    // A returned payment does not hold the daily limit: the next one of the full limit goes through.
    simulator.resetBehaviours();
    expectKind(await pay(payer), 'posted');
  });

  it('resolves a payment the payee made without answering (timeout) by a status query: posted, paid exactly once', async () => {
    const payer = await agent();
    simulator.on({ amount: 1_234n }, { kind: 'timeout' });
    const pending = expectKind(await pay(payer, 1_234n), 'pending');
    expect(pending).toMatchObject({ status: 'pending', gatewayUnknownCause: 'timeout', gatewayAttempts: 1 });
    expect(await accountOf(payer)).toMatchObject({ debitsPosted: 0n, debitsPending: 1_234n + FEE });
    expect(simulator.payouts).toBeGreaterThan(0);
    const payouts = simulator.payouts;
    const requests = simulator.payRequests;
    // Not yet due (5 s after the first unknown): the worker leaves it and names when it is.
    const due = await sut.reservedPayments.runOnce(new Date());
    expect(due?.getTime()).toBeGreaterThan(Date.now());
    expect(await sut.payments.find(pending.id)).toMatchObject({ status: 'pending' });

    await sut.reservedPayments.runOnce(later());
    expect(await sut.payments.find(pending.id)).toMatchObject({ status: 'posted' });
    expect(await accountOf(payer)).toMatchObject({ debitsPosted: 1_234n + FEE, debitsPending: 0n });
    expect(simulator.payouts).toBe(payouts);
    expect(simulator.payRequests).toBe(requests); // resolved by status, not sent again
    expect(simulator.payment(pending.id)?.status).toBe('paid');
  });

  it('marks a payment posted at the database’s clock when it is marked, not at the moment its pass or call began', async () => {
    const payer = await agent();
    simulator.on({ amount: 1_366n }, { kind: 'timeout' });
    const pending = expectKind(await pay(payer, 1_366n), 'pending');
    const before = Date.now();

    await sut.reservedPayments.runOnce(later()); // a pass whose `now` is an hour ahead

    const posted = await sut.payments.find(pending.id);
    expect(posted?.status).toBe('posted');
    expect(posted?.postedAt?.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(posted?.postedAt?.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
    expect((await eventsOf(pending.id)).map((e) => e.payload.postedAt)).toEqual(Array(3).fill(posted?.postedAt?.toISOString()));
  });

  it('resolves a late answer (after the deadline, the payment done at the payee) the same way', async () => {
    const payer = await agent();
    simulator.on({ amount: 1_500n }, { kind: 'late', ms: DEADLINE_MS * 3 });
    const pending = expectKind(await pay(payer, 1_500n), 'pending');
    expect(pending.gatewayUnknownCause).toBe('timeout');
    // The caller's retry with the same id asks the status: posted, never paid twice.
    const retried = expectKind(await pay(payer, 1_500n, pending.id), 'posted');
    expect(retried.id).toBe(pending.id);
    expect(simulator.payment(pending.id)?.status).toBe('paid');
    expect(await accountOf(payer)).toMatchObject({ debitsPosted: 1_500n + FEE, debitsPending: 0n });
  });

  it('raises payee-gateway-down when the gateway refuses connections, and clears it when it answers again', async () => {
    const payer = await agent();
    const downAlerts = async () => (await sut.alerts.open()).filter((a) => a.kind === 'payee-gateway-down' && a.subjectId === payeeId);
    await simulator.stop();
    const pending = expectKind(await pay(payer), 'pending');
    expect(pending.gatewayUnknownCause).toBe('down');
    expect(simulator.payment(pending.id)).toBeUndefined();
    expect(await downAlerts()).toEqual([expect.objectContaining({ facts: expect.objectContaining({ payeeId, cause: 'down' }) })]);

    await simulator.start();
    await sut.reservedPayments.runOnce(later()); // status: never received, so sent again under its id
    expect(await sut.payments.find(pending.id)).toMatchObject({ status: 'posted' });
    expect(simulator.payment(pending.id)?.status).toBe('paid');
    expect(await downAlerts()).toEqual([]);
  });

  it('does not trust a badly signed answer: pending, then resolved by a verified status query', async () => {
    const payer = await agent();
    simulator.on({ amount: 1_700n }, { kind: 'bad-signature' });
    const pending = expectKind(await pay(payer, 1_700n), 'pending');
    expect(pending.gatewayUnknownCause).toBe('bad_signature');
    expect(await accountOf(payer)).toMatchObject({ debitsPosted: 0n, debitsPending: 1_700n + FEE });
    await sut.reservedPayments.runOnce(later());
    expect(await sut.payments.find(pending.id)).toMatchObject({ status: 'posted' });
    expect(await accountOf(payer)).toMatchObject({ debitsPosted: 1_700n + FEE, debitsPending: 0n });
  });

  it('pays once at the payee under 20 concurrent retries of one payment id: the hold posted once, never voided, one event per transfer', async () => {
    const payer = await agent();
    const paymentId = randomUUID();
    const payouts = simulator.payouts;
    const requests = simulator.payRequests;
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => pay(payer, 1_900n, paymentId)));
    expect(outcomes.map((o) => o.kind)).toEqual(Array(20).fill('posted'));
    expect(simulator.payouts).toBe(payouts + 1);
    // At most one pay request per call: no call sends the payment twice (e.g. again after its own status query).
    expect(simulator.payRequests - requests).toBeGreaterThanOrEqual(1);
    expect(simulator.payRequests - requests).toBeLessThanOrEqual(20);
    expect(await accountOf(payer)).toMatchObject({ debitsPosted: 1_900n + FEE, debitsPending: 0n });
    const { transfers } = (await sut.payments.find(paymentId))!;
    for (const held of transfers) {
      expect(await sut.ledger.findTransfer(namedId(`post:${held.id}`))).toMatchObject({ type: 'post', pendingId: held.id, amount: held.amount });
      expect(await sut.ledger.findTransfer(namedId(`void:${held.id}`))).toBeUndefined();
    }
    const events = await eventsOf(paymentId);
    expect(events.map((e) => e.payload.transferId).sort()).toEqual(transfers.map((t) => namedId(`post:${t.id}`)).sort());
  });

  it('asks the gateway a payment was sent to, not the payee’s new one: the status goes to the first, nothing is paid at the second', async () => {
    const payer = await agent();
    const second = new PayeeGatewaySimulator({ platformPublicKeyPem: sut.signingKey.publicKeyPem });
    const { url } = await second.start();
    const payee = (await sut.payees.find(payeeId))!;
    simulator.on({ amount: 1_355n }, { kind: 'timeout' });
    const pending = expectKind(await pay(payer, 1_355n), 'pending');
    try {
      await sut.payees.put({ ...payee, gateway: { baseUrl: url, publicKey: second.publicKeyPem, deadlineMs: DEADLINE_MS } });

      await sut.reservedPayments.runOnce(later());

      expect(await sut.payments.find(pending.id)).toMatchObject({ status: 'posted', gateway: payee.gateway });
      expect(simulator.payment(pending.id)?.status).toBe('paid');
      expect(second.payRequests).toBe(0);
      expect(second.payment(pending.id)).toBeUndefined();
    } finally {
      await sut.payees.put(payee);
      await second.stop();
    }
  });

  it('keeps resolving the other due payments when one cannot be settled: a paid payment whose hold expired stays pending as hold_expired_paid', async () => {
    const payer = await agent();
    simulator.on({ amount: 1_311n }, { kind: 'timeout' }).on({ amount: 1_322n }, { kind: 'timeout' });
    const expired = expectKind(await pay(payer, 1_311n), 'pending');
    ledgerAhead = 8 * 24 * 3600_000; // the first hold's week is over; the second is held from then
    const live = expectKind(await pay(payer, 1_322n), 'pending');

    await sut.reservedPayments.runOnce(later());

    expect(await sut.payments.find(expired.id)).toMatchObject({ status: 'pending', gatewayUnknownCause: 'hold_expired_paid' });
    expect(simulator.payment(expired.id)?.status).toBe('paid');
    expect(await sut.payments.find(live.id)).toMatchObject({ status: 'posted' });
    expect((await eventsOf(expired.id)).filter((e) => e.topic === 'agents.ledger.transfer-posted.v1')).toEqual([]);
    // Not asked again at every pass: an operator must look at it.
    const next = await sut.payments.nextGatewayCheckAt();
    expect(next === undefined || next.getTime() > later().getTime()).toBe(true);
  });

  it('pushes back a pending payment whose settling throws (ledger_error) and settles the next due payment in the same pass', async () => {
    const payer = await agent();
    simulator.on({ amount: 1_333n }, { kind: 'timeout' }).on({ amount: 1_344n }, { kind: 'timeout' });
    const failing = expectKind(await pay(payer, 1_333n), 'pending');
    const next = expectKind(await pay(payer, 1_344n), 'pending');
    const payPayee: PayPayeeUseCase = Object.assign(Object.create(sut.pay) as PayPayeeUseCase, {
      resolve: (p: typeof failing, now: Date) => (p.id === failing.id ? Promise.reject(new Error('connection terminated')) : sut.pay.resolve(p, now)),
    });
    const passAt = later();

    await new ReservedPaymentsWorker(sut.payments, payPayee).runOnce(passAt);

    const pushedBack = await sut.payments.find(failing.id);
    expect(pushedBack).toMatchObject({ status: 'pending', gatewayUnknownCause: 'ledger_error', gatewayAttempts: 2 });
    expect(await sut.payments.find(next.id)).toMatchObject({ status: 'posted' });
    expect(await sut.payments.duePending(passAt, 1000)).not.toContainEqual(expect.objectContaining({ id: failing.id }));
    await sut.reservedPayments.runOnce(new Date(passAt.getTime() + 3600_000));
    expect(await sut.payments.find(failing.id)).toMatchObject({ status: 'posted' });
  });

  it('masks the payer’s account and any phone number in a decline reason before it is stored, published or answered', async () => {
    const payer = await agent();
    const account = 'ACC-998877';
    simulator.on({ account }, { kind: 'decline', reason: `account ${account} closed, owner +420601234567 moved` });
    const refused = expectKind(await pay(payer, AMOUNT, randomUUID(), account), 'returned');
    const masked = 'account [masked] closed, owner [masked] moved';
    expect(refused.refusalReason).toBe(masked);
    expect((await sut.payments.find(refused.id))?.refusalReason).toBe(masked);
    expect((await eventsOf(refused.id)).map((e) => e.payload.reason)).toEqual([masked]);
  });

  it('finishes a reservation a stopped process left: held and forwarded by the reserved payments worker, paid once', async () => {
    const payer = await agent();
    const paymentId = randomUUID();
    const crashed = sut
      .payWithLedgerDown()
      .execute({ paymentId, nodeId: payer.id, payeeId, amount: 2_100n, currency: 'EUR', account: ACCOUNT, now: new Date() });
    await expect(crashed).rejects.toThrow('connection terminated');
    expect(await sut.payments.find(paymentId)).toMatchObject({ status: 'reserved', viaGateway: true });
    expect(simulator.payment(paymentId)).toBeUndefined();

    await sut.reservedPayments.runOnce(new Date(Date.now() + 31_000));
    expect(await sut.payments.find(paymentId)).toMatchObject({ status: 'posted' });
    expect(simulator.payment(paymentId)).toMatchObject({ status: 'paid', amount: 2_100n });
    expect(await accountOf(payer)).toMatchObject({ debitsPosted: 2_100n + FEE, debitsPending: 0n });
  });

  it('refuses a card-shaped account for a gateway payee (it is kept masked and cannot be sent): nothing reserved', async () => {
    const payer = await agent();
    const paymentId = randomUUID();
    expect(await pay(payer, AMOUNT, paymentId, '4111111111111111')).toEqual({ kind: 'payee_refused', reason: 'card_account_not_forwardable' });
    expect(await sut.payments.find(paymentId)).toBeUndefined();
    expect(simulator.payment(paymentId)).toBeUndefined();
  });

  it('checks an account online after the local rules: the holder’s name, the payee’s refusal, a bad signature, no answer', async () => {
    const payee = (await sut.payees.find(payeeId))!;
    simulator.on({ account: '+420777000001' }, { kind: 'ok', holderName: 'Jana Nováková' });
    simulator.on({ account: '+420777000002' }, { kind: 'decline', reason: 'no such subscriber' });
    simulator.on({ account: '+420777000003' }, { kind: 'bad-signature' });
    simulator.on({ account: '+420777000004' }, { kind: 'timeout' });
    expect(await sut.accountCheck.execute(payee, { account: '+420777000001', amount: 100n })).toEqual({
      kind: 'online',
      fee: FEE,
      answer: { kind: 'answered', exists: true, payable: true, holderName: 'Jana Nováková' },
    });
    expect(await sut.accountCheck.execute(payee, { account: '+420777000002' })).toMatchObject({
      kind: 'online',
      answer: { exists: false, payable: false, reason: 'no such subscriber' },
    });
    expect(await sut.accountCheck.execute(payee, { account: '+420777000003' })).toEqual({ kind: 'gateway_failed', cause: 'bad_signature' });
    expect(await sut.accountCheck.execute(payee, { account: '+420777000004' })).toEqual({ kind: 'gateway_failed', cause: 'timeout' });
    expect((await sut.alerts.open()).filter((a) => a.kind === 'payee-gateway-down' && a.subjectId === payeeId)).toHaveLength(1);
    await sut.accountCheck.execute(payee, { account: '+420777000001' });
    expect((await sut.alerts.open()).filter((a) => a.kind === 'payee-gateway-down' && a.subjectId === payeeId)).toEqual([]);
    // The local rules first: another currency never reaches the gateway.
    expect(await sut.accountCheck.execute(payee, { account: '+420777000001', currency: 'CZK' })).toMatchObject({
      kind: 'local',
      check: { payable: false, refusal: { reason: 'currency_mismatch' } },
    });
  });
});
