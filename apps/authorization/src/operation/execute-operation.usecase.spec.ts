import { randomUUID } from 'node:crypto';

import type { AuthorizeRequest, FollowUpRequest } from '@payments/contracts';
import type { SqlConnection } from '@payments/persistence';

import type { PrismaClient } from '../generated/prisma/client';
import { DuplicateTransactionError } from './duplicate-transaction.error';
import { ExecuteOperationUseCase } from './execute-operation.usecase';
import { cardRequest } from './testing/card-request';
import { UNREADABLE_BLOCK } from './testing/fake-card-source';
import { openAuthorizationDb, operationCoreOver, type OperationCoreFixture } from './testing/operation-core.fixture';

jest.setTimeout(60_000);

const MERCHANT = 'SHOP00000000001';
let registers = 0;

describe(ExecuteOperationUseCase.name, () => {
  let db: PrismaClient;
  let sql: SqlConnection;
  let close: () => Promise<void>;
  let core: OperationCoreFixture;
  let terminalId: string;

  beforeAll(async () => ({ db, sql, close } = await openAuthorizationDb()));
  afterAll(() => close());
  beforeEach(() => {
    core = operationCoreOver(db, sql);
    // A register of its own per test: its own batch, its own "last operation".
    registers += 1;
    terminalId = `T${String(registers).padStart(7, '0')}`;
  });

  const card = (change: Partial<AuthorizeRequest> = {}): AuthorizeRequest => cardRequest(terminalId, MERCHANT, change);
  const followUp = (change: Partial<FollowUpRequest> & Pick<FollowUpRequest, 'operation'>): FollowUpRequest => ({
    transactionId: randomUUID(),
    terminalId,
    merchantId: MERCHANT,
    requestedAt: new Date().toISOString(),
    ...change,
  });
  const run = (request: AuthorizeRequest, deadlineAt?: number) => core.sut.execute({ kind: 'card', request }, { deadlineAt });
  const runFollowUp = (request: FollowUpRequest, deadlineAt?: number) => core.sut.execute({ kind: 'follow_up', request }, { deadlineAt });
  const rowOf = (id: string) => db.transaction.findUniqueOrThrow({ where: { id } });
  const historyOf = async (id: string) =>
    (await db.transactionStatusChange.findMany({ where: { transactionId: id }, orderBy: { id: 'asc' } })).map((h) => h.status);
  const reversalsOf = (id: string) => db.reversal.count({ where: { transactionId: id } });
  const topicsOf = async (id: string) =>
    (await db.outboxMessage.findMany({ orderBy: { createdAt: 'asc' } }))
      .filter((m) => (m.payload as { transactionId?: string }).transactionId === id)
      .map((m) => m.topic);
  const approvedPurchase = async (change: Partial<AuthorizeRequest> = {}) => {
    const reply = await run(card(change));
    expect(reply.status).toBe('approved');
    return reply.transactionId;
  };
  /** What the prompt-answer use case does first: the waiting operation is pending again. */
  const answered = (id: string) =>
    core.operations.transaction((tx) => core.operations.changeStatus(tx, id, 'awaiting_cashier', { to: 'pending', reason: 'the cashier answered' }));
  const closeDay = async () => expect(await core.batches.startClose(terminalId, MERCHANT)).not.toBeNull();

  describe('replay by id and payload', () => {
    it('answers the same request again with its first outcome, and the rail is asked once', async () => {
      const request = card();
      const first = await run(request);

      expect(await run(request)).toEqual(first);
      expect(first).toMatchObject({ status: 'approved', responseCode: '00', maskedPan: '424242******4242' });
      expect((await rowOf(request.transactionId)).statusReason).toBe('approved by host');
      expect(core.rail.sent).toHaveLength(1);
      expect(await historyOf(request.transactionId)).toEqual(['pending', 'approved']);
    });

    it('refuses the same id with a different body, and changes nothing', async () => {
      const request = card();
      await run(request);

      await expect(run({ ...request, amountMinor: '1001' })).rejects.toThrow(new DuplicateTransactionError(request.transactionId, 'a different request'));
      expect((await rowOf(request.transactionId)).amountMinor).toBe(1000n);
    });

    it('says a request still waiting for the rail is in progress', async () => {
      const request = card();
      const release = core.rail.hold();
      const first = run(request);
      await waitFor(() => core.rail.sent.length === 1);

      await expect(run(request)).rejects.toThrow('is already journaled for a request still in progress');
      release();
      expect((await first).status).toBe('approved');
    });
  });

  describe('a register that gave up', () => {
    it('records the approval as unknown (68), queues one reversal and never announces it as authorized', async () => {
      const request = card();
      const release = core.rail.hold();
      const reply = run(request);
      await waitFor(() => core.rail.sent.length === 1);
      await db.abandonment.create({ data: { transactionId: request.transactionId, terminalId, reason: 'the register hung up', abandonedAt: new Date() } });
      release();

      expect(await reply).toMatchObject({ status: 'failed', responseCode: '68' });
      expect(await historyOf(request.transactionId)).toEqual(['pending', 'unknown']);
      expect(await reversalsOf(request.transactionId)).toBe(1);
      expect(await topicsOf(request.transactionId)).toEqual(['payments.transaction.declined.v1']);
    });

    it('never asks the rail when the report arrived before it was asked: failed (68), nothing to reverse', async () => {
      const request = card();
      await db.abandonment.create({ data: { transactionId: request.transactionId, terminalId, reason: 'the register hung up', abandonedAt: new Date() } });

      expect(await run(request)).toMatchObject({ status: 'failed', responseCode: '68' });
      expect(core.rail.sent).toHaveLength(0);
      expect(await reversalsOf(request.transactionId)).toBe(0);
      expect(await topicsOf(request.transactionId)).toEqual(['payments.transaction.declined.v1']);
    });

    it('approves as usual when the report names another terminal', async () => {
      const request = card();
      await db.abandonment.create({
        data: { transactionId: request.transactionId, terminalId: 'T9999999', reason: 'the register hung up', abandonedAt: new Date() },
      });

      expect(await run(request)).toMatchObject({ status: 'approved' });
      expect(await topicsOf(request.transactionId)).toEqual(['payments.transaction.authorized.v1']);
    });
  });

  describe('card operations', () => {
    it('declines what the risk check denies, with its code, and never asks the rail', async () => {
      core.risk.deny('61', 'antifraud: max-amount (above 500.00 EUR)');

      const reply = await run(card());

      expect(reply).toMatchObject({ status: 'declined', responseCode: '61' });
      expect(core.risk.queries[0]).toMatchObject({ amountMinor: 1000n, cardToken: 'tok_4242424242', cardScheme: 'visa' });
      expect(core.rail.prepared).toHaveLength(0);
    });

    it('journals with the approval that the risk check allowed it without a decision', async () => {
      core.risk.allowWithout('allowed without an antifraud decision (deadline of 500 ms passed)');

      const reply = await run(card());

      expect(reply.status).toBe('approved');
      expect((await rowOf(reply.transactionId)).statusReason).toBe('approved by host; allowed without an antifraud decision (deadline of 500 ms passed)');
    });

    it('declines a card no rail takes with 92', async () => {
      core.rail.refuseRoutes();

      const reply = await run(card());

      expect(reply).toMatchObject({ status: 'declined', responseCode: '92' });
      expect(core.rail.sent).toHaveLength(0);
      expect(await topicsOf(reply.transactionId)).toEqual(['payments.transaction.declined.v1']);
    });

    it('journals a host decline with its code and the reference sent, announced as declined', async () => {
      core.rail.answer({ kind: 'declined', responseCode: '51' });

      const reply = await run(card());

      expect(reply).toMatchObject({ status: 'declined', responseCode: '51', responseText: 'Insufficient funds', stan: '000001' });
      expect(await rowOf(reply.transactionId)).toMatchObject({ status: 'declined', hostMti: '0200', acquirerId: 'fake' });
      expect(await topicsOf(reply.transactionId)).toEqual(['payments.transaction.declined.v1']);
      expect(await reversalsOf(reply.transactionId)).toBe(0);
    });

    it('asks the cashier about a partial approval; a refusal gives the part back by one reversal', async () => {
      core.rail.answer({ kind: 'partial', approvedMinor: 600n, approvalCode: 'P00001' });
      const request = card({ amountMinor: '1000' });

      const reply = await run(request);

      expect(reply).toMatchObject({
        status: 'prompt',
        amountMinor: '600',
        prompt: { kind: 'accept_partial_approval', text: 'APPROVED 6.00 EUR OF 10.00 EUR. ACCEPT?' },
      });
      const waiting = await rowOf(request.transactionId);
      expect(waiting.status).toBe('awaiting_cashier');

      const resumed = await answered(waiting.id);
      const refused = await core.sut.resumeAfterPartialApproval(resumed, false, 'the cashier answered no');

      expect(refused).toMatchObject({ status: 'declined', responseCode: '10' });
      expect(await reversalsOf(request.transactionId)).toBe(1);
    });

    it('gives back a partial approval a cash withdrawal cannot take, without asking the cashier', async () => {
      core.rail.answer({ kind: 'partial', approvedMinor: 600n });

      const reply = await run(card({ operation: 'cash_withdrawal' }));

      expect(reply).toMatchObject({ status: 'declined', responseCode: '10' });
      expect(core.cashier.opened).toHaveLength(0);
      expect(await reversalsOf(reply.transactionId)).toBe(1);
    });

    it('records an unknown outcome (no answer in time) with exactly one reversal queued, also when replayed', async () => {
      core.rail.answer({ kind: 'unknown', reason: 'no response from acquirer fake within 5000 ms' });
      const request = card();

      const reply = await run(request);
      await run(request);

      expect(reply).toMatchObject({ status: 'failed', responseCode: '91' });
      expect((await rowOf(request.transactionId)).status).toBe('unknown');
      expect(await reversalsOf(request.transactionId)).toBe(1);
    });

    it('does not ask the rail once the caller has given up, and says why', async () => {
      const reply = await run(card(), Date.now() - 1);

      expect(core.rail.prepared).toHaveLength(0);
      expect(reply).toMatchObject({ status: 'failed', responseCode: '68' });
      expect((await rowOf(reply.transactionId)).statusReason).toMatch(/^the caller gave up \(deadline .*\) before the rail was asked; nothing was sent$/);
      expect(await reversalsOf(reply.transactionId)).toBe(0);
    });

    it('asks the rail while the deadline is still ahead', async () => {
      expect((await run(card(), Date.now() + 60_000)).status).toBe('approved');
    });

    it.each([
      ['purchase', '0', 'amount: a purchase needs an amount above 0'],
      ['balance_inquiry', '100', 'amount: a balance_inquiry carries no amount (send 0)'],
    ] as const)('rejects a %s of %s (13) before any risk check or rail', async (operation, amountMinor, rule) => {
      const reply = await run(card({ operation, amountMinor }));

      expect(reply).toMatchObject({ status: 'rejected', responseCode: '13', responseText: rule });
      expect(core.risk.queries).toHaveLength(0);
      expect(core.rail.prepared).toHaveLength(0);
    });

    it('declines a card that cannot be read, journaled without card data', async () => {
      const reply = await run(card({ card: UNREADABLE_BLOCK }));

      expect(reply).toMatchObject({ status: 'declined', responseCode: '30' });
      expect((await rowOf(reply.transactionId)).cardToken).toBeNull();
    });

    it('reads a card without asking risk or rail, and shows its expiry', async () => {
      const reply = await run(card({ operation: 'card_data', amountMinor: '0' }));

      expect(reply).toMatchObject({ status: 'approved', cardExpiry: '2912' });
      expect(core.rail.prepared).toHaveLength(0);
    });

    it('asks to confirm a swiped card; wrong last 4 digits decline it (59) and nothing is sent', async () => {
      const request = card({ entryMode: 'magstripe' });
      expect(await run(request)).toMatchObject({ status: 'prompt', prompt: { kind: 'confirm_last4' } });
      await answered(request.transactionId);

      expect(await core.sut.resumeAfterLast4(request, '1111')).toMatchObject({ status: 'declined', responseCode: '59' });
      expect(core.rail.prepared).toHaveLength(0);
    });
  });

  describe('online PIN', () => {
    const PIN_BLOCK = '8F3A61C2D94B07E5';
    const pinned = (change: Partial<AuthorizeRequest> = {}) => card({ pin: { pinBlock: PIN_BLOCK, format: 0 }, ...change });

    it("hands the rail the PIN block with the card block's KSN and BDK, and journals no trace of it", async () => {
      const request = pinned({ entryMode: 'magstripe' });
      // A swiped card with a PIN is not prompted: the prompt would keep the request, PIN block included.
      expect(await run(request)).toMatchObject({ status: 'approved' });

      const [prepared] = core.rail.prepared;
      expect(prepared).toMatchObject({ kind: 'card', card: { pin: { pinBlock: PIN_BLOCK, ksn: request.card.ksn, bdkId: request.card.bdkId } } });
      const written = JSON.stringify(
        [
          await rowOf(request.transactionId),
          await db.transactionStatusChange.findMany({ where: { transactionId: request.transactionId } }),
          await db.outboxMessage.findMany(),
          await db.cashierPrompt.findMany(),
        ],
        (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value),
      );
      expect(written).toContain(request.transactionId);
      expect(written.toUpperCase()).not.toContain(PIN_BLOCK);
    });

    it("takes the KSN of the PIN block when only its counter differs from the card block's (the same PIN pad)", async () => {
      await run(pinned({ pin: { pinBlock: PIN_BLOCK, format: 0, ksn: 'FFFF0000000000000009' } }));
      expect(core.rail.prepared[0]).toMatchObject({ card: { pin: { ksn: 'FFFF0000000000000009' } } });
    });

    it("rejects a PIN block under another PIN pad's KSN, naming pin.ksn, without asking the rail", async () => {
      const reply = await run(pinned({ pin: { pinBlock: PIN_BLOCK, format: 0, ksn: 'FFFF9876543210E00009' } }));
      expect(reply).toMatchObject({ status: 'rejected', responseText: expect.stringContaining('pin.ksn') });
      expect(core.rail.prepared).toHaveLength(0);
    });

    it('a replay with another PIN block is a different request, not the first outcome again', async () => {
      const request = pinned();
      await run(request);
      await expect(run({ ...request, pin: { pinBlock: '0000000000000000', format: 0 } })).rejects.toThrow(DuplicateTransactionError);
    });
  });

  describe('follow-ups', () => {
    it('cancels a purchase of the open batch in full: the original is cancelled, and a refund is refused meanwhile', async () => {
      const original = await approvedPurchase();
      const refund = await runFollowUp(followUp({ operation: 'refund', original: { transactionId: original }, amountMinor: '100' }));
      expect(refund).toMatchObject({ status: 'rejected', responseCode: '12', responseText: expect.stringContaining('cancel it instead') });

      const cancel = await runFollowUp(followUp({ operation: 'cancel', original: { transactionId: original } }));

      expect(cancel).toMatchObject({ status: 'approved', amountMinor: '1000', originalTransactionId: original });
      expect(await rowOf(original)).toMatchObject({ status: 'cancelled', returnedMinor: 1000n });
      expect(await historyOf(original)).toEqual(['pending', 'approved', 'cancelled']);
    });

    it('refunds after close of day, cumulatively never above the original', async () => {
      const original = await approvedPurchase({ amountMinor: '1000' });
      await closeDay();
      const refund = (amountMinor: string) => runFollowUp(followUp({ operation: 'refund', original: { transactionId: original }, amountMinor }));

      expect((await refund('600')).status).toBe('approved');
      expect(await refund('401')).toMatchObject({
        status: 'rejected',
        responseCode: '13',
        responseText: 'amount: 401 is above what is left of the original (400)',
      });
      expect((await refund('400')).status).toBe('approved');

      expect(await rowOf(original)).toMatchObject({ status: 'refunded', returnedMinor: 1000n });
      expect(await refund('1')).toMatchObject({ status: 'rejected', responseCode: '12' });
    });

    it('completes a preauthorization at most up to its hold, and once', async () => {
      const preauth = await approvedPurchase({ operation: 'preauthorization' });
      const complete = (amountMinor: string) => runFollowUp(followUp({ operation: 'completion', original: { transactionId: preauth }, amountMinor }));

      expect(await complete('1001')).toMatchObject({ status: 'rejected', responseCode: '13' });
      expect(await complete('800')).toMatchObject({ status: 'approved', amountMinor: '800' });
      expect(await complete('100')).toMatchObject({ status: 'rejected', responseText: `the original ${preauth} is completed, not approved` });
      expect(await rowOf(preauth)).toMatchObject({ status: 'completed', completedMinor: 800n });
    });

    it('cancels in an emergency only the last operation, when approved and not itself a cancel', async () => {
      core.rail.answer({ kind: 'declined', responseCode: '05' });
      await run(card());
      expect(await runFollowUp(followUp({ operation: 'emergency_cancel' }))).toMatchObject({
        status: 'rejected',
        responseText: expect.stringContaining('is declined, not approved'),
      });

      const last = await approvedPurchase();
      expect(await runFollowUp(followUp({ operation: 'emergency_cancel' }))).toMatchObject({ status: 'approved', originalTransactionId: last });
      expect(await runFollowUp(followUp({ operation: 'emergency_cancel' }))).toMatchObject({
        status: 'rejected',
        responseText: expect.stringContaining('is itself a cancel'),
      });
    });

    it('gives back by one reversal a partial approval of a refund, and keeps the reservation until the host acknowledges it', async () => {
      const original = await approvedPurchase({ amountMinor: '1000' });
      await closeDay();
      core.rail.answer({ kind: 'partial', approvedMinor: 300n, approvalCode: 'P00002' });

      const refund = await runFollowUp(followUp({ operation: 'refund', original: { transactionId: original }, amountMinor: '600' }));

      expect(refund).toMatchObject({ status: 'declined', responseCode: '10' });
      expect((await rowOf(refund.transactionId)).statusReason).toBe('host answered a partial approval (300 of 600) a refund cannot take; reversal queued');
      expect(await reversalsOf(refund.transactionId)).toBe(1);
      expect(core.cashier.opened).toHaveLength(0);
      expect(await rowOf(original)).toMatchObject({ returnedMinor: 600n });
    });

    it('gives the reservation back when the host declines a cancel, or the caller gave up before the rail', async () => {
      const original = await approvedPurchase();
      core.rail.answer({ kind: 'declined', responseCode: '12' });

      expect((await runFollowUp(followUp({ operation: 'cancel', original: { transactionId: original } }))).status).toBe('declined');
      expect(await runFollowUp(followUp({ operation: 'cancel', original: { transactionId: original } }), Date.now() - 1)).toMatchObject({ status: 'failed' });

      expect(core.rail.sent).toHaveLength(2);
      expect(await rowOf(original)).toMatchObject({ status: 'approved', returnedMinor: 0n });
    });
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error('condition not met within 2 s');
}
