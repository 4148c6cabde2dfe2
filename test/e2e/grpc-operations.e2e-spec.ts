import { randomUUID } from 'node:crypto';

import { status as GrpcStatus } from '@grpc/grpc-js';

import { PlatformUnderTest, startDistributed, startEmbedded } from '../support/platform-under-test';
import { TERMINAL_KEY } from '../support/register.client';
import { GrpcCallOptions, GrpcResult, TerminalGrpcClient } from '../support/terminal-grpc.client';

const PAN = '5555555555554444';
const TRANSACTION_ID = /^[0-9a-f-]{36}$/;

type Transaction = Record<string, unknown>;

describe.each([
  ['embedded', startEmbedded],
  ['distributed', startDistributed],
])('every register operation over gRPC end to end (%s mode)', (_mode, start) => {
  let platform: PlatformUnderTest;
  // DEMO0004, a register of its own: its batches and its last operation belong to this suite.
  let register: TerminalGrpcClient;
  /** Every response and error details of the test, to check that none carries the card number. */
  let answers: unknown[];

  beforeAll(async () => {
    platform = await start();
    register = new TerminalGrpcClient(platform.gatewayGrpcAddress, `${TERMINAL_KEY}-4`);
  }, 120_000);

  afterAll(async () => {
    register?.close();
    await platform?.stop();
  }, 60_000);

  beforeEach(() => {
    platform.simulator.reset();
    answers = [];
  });

  afterEach(() => {
    expect(JSON.stringify(answers)).not.toContain(PAN);
  });

  const call = async (rpc: string, request: object = {}, options: GrpcCallOptions = {}): Promise<GrpcResult> => {
    const result = await register.call(rpc, request, options);
    answers.push({ details: result.error?.details, response: result.response });
    return result;
  };
  /** A read or check: no idempotency-key, as REST sends no Idempotency-Key. */
  const query = (rpc: string, request: object = {}) => call(rpc, request, { idempotencyKey: null });
  /** The call succeeded and the host approved: its CardTransaction. */
  const approved = async (pending: Promise<GrpcResult>): Promise<Transaction> => {
    const { error, response } = await pending;
    expect(error).toBeNull();
    const transaction = response?.transaction as Transaction;
    expect(transaction).toMatchObject({ status: 'TRANSACTION_STATUS_APPROVED', responseCode: '00', terminalId: 'DEMO0004' });
    expect(transaction.transactionId).toMatch(TRANSACTION_ID);
    return transaction;
  };
  /** A rule of the platform refused it (REST 422): FAILED_PRECONDITION naming the rule and the rejected transaction. */
  const refused = async (pending: Promise<GrpcResult>, rule: string): Promise<void> => {
    const { error } = await pending;
    expect(error?.code).toBe(GrpcStatus.FAILED_PRECONDITION);
    expect(error?.details).toContain(rule);
    expect(error?.metadata.get('transaction-id')).toEqual([expect.stringMatching(TRANSACTION_ID)]);
  };
  const payment = (amountMinor: number) => ({ amount: { amountMinor: String(amountMinor), currency: 'EUR' }, card: register.card(PAN) });
  const inquiry = () => ({ currency: 'EUR', card: register.card(PAN) });
  const euros = (amountMinor: number) => ({ amountMinor: String(amountMinor), currency: 'EUR' });
  const sent = (mti: string) => platform.simulator.received.filter((m) => m.mti === mti);
  // What this suite asked of the host. Reversals (04xx) of an earlier suite's unknown operation may
  // still be repeated from the durable queue of the shared database, as they must be, and echoes (08xx) come on their own.
  const hostAsked = () => platform.simulator.received.filter((m) => !m.mti.startsWith('04') && !m.mti.startsWith('08'));

  it('authorizes a cash withdrawal and a top-up with their own processing codes, amounts and receipts', async () => {
    const cash = await approved(call('CashWithdrawal', payment(5000)));
    const topUp = await approved(call('TopUp', payment(2500)));

    expect(sent('0200').map((m) => [m.fields[3], m.fields[4]])).toEqual([
      ['010000', '000000005000'],
      ['210000', '000000002500'],
    ]);
    expect(cash).toMatchObject({ operation: 'OPERATION_CASH_WITHDRAWAL', amount: euros(5000), maskedPan: '555555******4444', cardScheme: 'mastercard' });
    expect(cash.receiptLines).toEqual(expect.arrayContaining(['CASH WITHDRAWAL', 'AMOUNT 50.00 EUR', 'CARD 555555******4444 MASTERCARD', 'APPROVED']));
    expect(topUp).toMatchObject({ operation: 'OPERATION_TOP_UP', amount: euros(2500) });
    expect(topUp.receiptLines).toEqual(expect.arrayContaining(['TOP-UP', 'AMOUNT 25.00 EUR']));
  });

  it('reads the card without asking the host, and asks the host for a balance (0100, processing code 31, amount 0)', async () => {
    const read = await approved(call('CardData', inquiry()));
    expect(read).toMatchObject({
      operation: 'OPERATION_CARD_DATA',
      maskedPan: '555555******4444',
      cardScheme: 'mastercard',
      cardExpiry: '3012',
      amount: euros(0),
    });
    expect(hostAsked()).toHaveLength(0);

    const balance = await approved(call('Balance', inquiry()));
    expect(balance.operation).toBe('OPERATION_BALANCE_INQUIRY');
    expect(sent('0100')).toHaveLength(1);
    expect(sent('0100')[0].fields).toMatchObject({ 3: '310000', 4: '000000000000' });
  });

  it('completes a preauthorization once, never above it, with a 0220 that names the 0100', async () => {
    const preauth = await approved(call('Preauthorize', payment(10_000)));
    expect(preauth).toMatchObject({ operation: 'OPERATION_PREAUTHORIZATION', expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(sent('0100')[0].fields).toMatchObject({ 3: '000000', 4: '000000010000' });

    await refused(call('Complete', { preauthorizationId: preauth.transactionId, amount: euros(10_001) }), 'amount: 10001 is above the preauthorized 10000');
    expect(sent('0220')).toHaveLength(0);

    const completion = await approved(call('Complete', { preauthorizationId: preauth.transactionId, amount: euros(8000) }));
    expect(completion).toMatchObject({ operation: 'OPERATION_COMPLETION', amount: euros(8000), originalTransactionId: preauth.transactionId });
    const [advice] = sent('0220');
    expect(advice.fields).toMatchObject({ 3: '000000', 4: '000000008000' });
    expect(advice.fields[90].slice(0, 4)).toBe('0100');

    await refused(call('Complete', { preauthorizationId: preauth.transactionId }), 'is completed, not approved');
    expect(sent('0220')).toHaveLength(1);
  });

  it('cancels part by approval code + RRN, then the rest by id; a third cancel changes nothing', async () => {
    const purchase = await approved(call('Purchase', payment(3000)));
    const partial = await approved(call('Cancel', { approvalCode: purchase.approvalCode, rrn: purchase.rrn, amount: euros(1000) }));
    expect(partial).toMatchObject({ operation: 'OPERATION_CANCEL', amount: euros(1000), originalTransactionId: purchase.transactionId });
    const [reversal] = sent('0400');
    // The 0400 repeats the original's DE 3 and DE 4 and states in DE 95 what it is worth afterwards.
    expect(reversal.fields).toMatchObject({ 3: '000000', 4: '000000003000' });
    expect(reversal.fields[95].slice(0, 12)).toBe('000000002000');

    const rest = await approved(call('Cancel', { originalTransactionId: purchase.transactionId }));
    expect(rest.amount).toEqual(euros(2000));
    expect(sent('0400')).toHaveLength(2);

    await refused(call('Cancel', { originalTransactionId: purchase.transactionId }), 'is cancelled, not approved');
    expect(sent('0400')).toHaveLength(2);
  });

  it('refuses a cancel that names no original, or names it both ways, as INVALID_ARGUMENT before anything is asked', async () => {
    const none = await call('Cancel', {});
    const both = await call('Cancel', { originalTransactionId: randomUUID(), approvalCode: 'A1B2C3', rrn: '633410000001' });

    expect(none.error).toMatchObject({
      code: GrpcStatus.INVALID_ARGUMENT,
      details: 'original: originalTransactionId, or approvalCode + rrn from the receipt, is required',
    });
    expect(both.error).toMatchObject({ code: GrpcStatus.INVALID_ARGUMENT, details: 'original: give originalTransactionId or approvalCode + rrn, not both' });
    expect(hostAsked()).toHaveLength(0);
  });

  it('emergency-cancels the last operation once; a second emergency cancel is refused', async () => {
    const purchase = await approved(call('Purchase', payment(1234)));
    const cancel = await approved(call('EmergencyCancel'));
    expect(cancel).toMatchObject({ operation: 'OPERATION_EMERGENCY_CANCEL', amount: euros(1234), originalTransactionId: purchase.transactionId });
    expect(sent('0400').map((m) => [m.fields[3], m.fields[4]])).toEqual([['000000', '000000001234']]);

    await refused(call('EmergencyCancel'), 'is itself a cancel');
    expect(sent('0400')).toHaveLength(1);
  });

  it('closes the day with the host (0500) once per idempotency-key, refuses a cancel after it, refunds partly and never above what is left', async () => {
    const purchase = await approved(call('Purchase', payment(4000)));
    expect((await call('CloseDay', {}, { idempotencyKey: null })).error).toMatchObject({
      code: GrpcStatus.INVALID_ARGUMENT,
      details: expect.stringMatching(/^Idempotency-Key header: required/),
    });

    const idempotencyKey = `register-4-close-${randomUUID()}`;
    const closed = await call('CloseDay', {}, { idempotencyKey });
    expect(closed.error).toBeNull();
    expect(closed.response).toMatchObject({ terminalId: 'DEMO0004', batch: { status: 'BATCH_STATUS_CLOSED', reconciliation: 'RECONCILIATION_IN_BALANCE' } });
    const batch = closed.response?.batch as { batchNumber: number };
    expect(closed.response?.nextBatchNumber).toBe(batch.batchNumber + 1);
    // The batch holds this suite's earlier operations too: EUR totals, as int64 minor units.
    expect(batch).toMatchObject({ totals: [expect.objectContaining({ currency: 'EUR', debitAmountMinor: expect.stringMatching(/^[1-9]\d*$/) })] });
    const reconciliations = sent('0500').length;
    expect(reconciliations).toBeGreaterThanOrEqual(1);
    // A retry with the same key answers the same close, and never closes the next batch.
    expect((await call('CloseDay', {}, { idempotencyKey })).response).toEqual(closed.response);
    expect(sent('0500')).toHaveLength(reconciliations);

    await refused(call('Cancel', { originalTransactionId: purchase.transactionId }), 'refund it instead');
    const refund = await approved(call('Refund', { originalTransactionId: purchase.transactionId, amount: euros(1500) }));
    expect(refund).toMatchObject({ operation: 'OPERATION_REFUND', amount: euros(1500), originalTransactionId: purchase.transactionId });
    expect(sent('0200').at(-1)!.fields).toMatchObject({ 3: '200000', 4: '000000001500' });
    await refused(
      call('Refund', { originalTransactionId: purchase.transactionId, amount: euros(2501) }),
      'amount: 2501 is above what is left of the original (2500)',
    );
    await approved(call('Refund', { originalTransactionId: purchase.transactionId, amount: euros(2500) }));
    expect(sent('0200').filter((m) => m.fields[3] === '200000')).toHaveLength(2);

    const report = await query('Report', { kind: 'REPORT_KIND_SHORT', batchNumber: batch.batchNumber });
    expect(report.error).toBeNull();
    expect(report.response).toMatchObject({
      batch: { batchNumber: batch.batchNumber, status: 'BATCH_STATUS_CLOSED', reconciliation: 'RECONCILIATION_IN_BALANCE' },
      transactions: [],
    });
  });

  it('checks the connection through to the host, copies the last receipt and reports the open batch, without idempotency-key', async () => {
    const check = await query('ConnectionCheck');
    expect(check.error).toBeNull();
    expect(check.response).toMatchObject({ terminalId: 'DEMO0004', connection: { responseCode: '00', latencyMs: expect.any(Number) } });
    expect(sent('0800').map((m) => m.fields[70])).toContain('301');

    const purchase = await approved(call('Purchase', payment(999)));
    const last = await query('ReceiptCopy', { transactionId: '' });
    expect(last.error).toBeNull();
    expect(last.response?.transaction).toMatchObject({
      transactionId: purchase.transactionId,
      receiptLines: expect.arrayContaining(['*** COPY ***', 'AMOUNT 9.99 EUR']),
    });
    const byId = await query('ReceiptCopy', { transactionId: purchase.transactionId });
    expect((byId.response?.transaction as Transaction).transactionId).toBe(purchase.transactionId);

    const full = await query('Report', { kind: 'REPORT_KIND_FULL' });
    expect(full.error).toBeNull();
    expect(full.response?.batch).toMatchObject({ status: 'BATCH_STATUS_OPEN' });
    expect((full.response?.transactions as Transaction[]).map((t) => t.transactionId)).toContain(purchase.transactionId);
    expect((full.response?.transactions as Transaction[]).every((t) => t.maskedPan === '' || /^\d{6}\*+\d{4}$/.test(String(t.maskedPan)))).toBe(true);
  });

  it('answers NOT_FOUND for a receipt or a batch the terminal does not have, and INVALID_ARGUMENT for a report of no kind', async () => {
    const unknownId = randomUUID();
    const receipt = await query('ReceiptCopy', { transactionId: unknownId });
    const batch = await query('Report', { kind: 'REPORT_KIND_SHORT', batchNumber: 999_999 });
    const noKind = await query('Report', { batchNumber: 1 });

    expect(receipt.error).toMatchObject({ code: GrpcStatus.NOT_FOUND, details: `transaction ${unknownId} not found for this terminal` });
    expect(batch.error).toMatchObject({ code: GrpcStatus.NOT_FOUND, details: 'terminal DEMO0004 has no batch 999999' });
    expect(noKind.error).toMatchObject({ code: GrpcStatus.INVALID_ARGUMENT, details: 'kind: kind must be REPORT_KIND_SHORT or REPORT_KIND_FULL' });
  });

  it('answers UNAUTHENTICATED to every kind of call without a valid terminal key', async () => {
    for (const [rpc, request] of [
      ['Refund', { originalTransactionId: randomUUID() }],
      ['CloseDay', {}],
      ['ReceiptCopy', {}],
    ] as const) {
      const { error } = await call(rpc, request, { key: 'not-a-terminal-key-123' });
      expect(error).toMatchObject({ code: GrpcStatus.UNAUTHENTICATED, details: 'unknown or disabled terminal API key' });
    }
    expect(hostAsked()).toHaveLength(0);
  });

  // Last: the host stops answering echoes, which the link's own keep-alive notices too.
  it('answers a connection check the host does not answer as UNAVAILABLE saying so', async () => {
    platform.simulator.ignoreEchoes();

    const { error } = await query('ConnectionCheck');

    expect(error?.code).toBe(GrpcStatus.UNAVAILABLE);
    expect(error?.details).toMatch(/^host not reachable: /);
  });
});
