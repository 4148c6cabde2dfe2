import { randomUUID } from 'node:crypto';

import { status as GrpcStatus } from '@grpc/grpc-js';

import { PlatformUnderTest, startDistributed, startEmbedded } from '../support/platform-under-test';
import { RegisterClient } from '../support/register.client';
import { TerminalGrpcClient } from '../support/terminal-grpc.client';

const PAN = '4242424242424242';
const TERMINAL_SERVICE = 'payments.terminal.v1.TerminalService';

describe.each([
  ['embedded', startEmbedded],
  ['distributed', startDistributed],
])('card-present purchase over gRPC end to end (%s mode)', (_mode, start) => {
  let platform: PlatformUnderTest;
  let register: TerminalGrpcClient;

  beforeAll(async () => {
    platform = await start();
    register = new TerminalGrpcClient(platform.gatewayGrpcAddress);
  }, 120_000);

  afterAll(async () => {
    register?.close();
    await platform?.stop();
  }, 60_000);

  beforeEach(() => platform.simulator.reset());

  const request = (amountMinor: string, extra: Record<string, unknown> = {}) => ({
    amount: { amountMinor, currency: 'EUR' },
    card: register.card(PAN),
    ...extra,
  });
  const hostRequests = (mti: string) => platform.simulator.received.filter((m) => m.mti === mti);
  const transactionOf = (response: Record<string, unknown> | undefined) => response?.transaction as Record<string, unknown>;

  it('approves a purchase through antifraud and the acquirer host, with what the receipt needs', async () => {
    const { error, response } = await register.purchase(request('1250'));

    expect(error).toBeNull();
    const transaction = transactionOf(response);
    expect(transaction).toMatchObject({
      status: 'TRANSACTION_STATUS_APPROVED',
      responseCode: '00',
      amount: { amountMinor: '1250', currency: 'EUR' },
      terminalId: 'DEMO0001',
      merchantId: 'DEMOSHOP0000001',
      maskedPan: '424242******4242',
    });
    expect(transaction.transactionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(transaction.approvalCode).toMatch(/^[0-9A-Z]{6}$/);
    expect(transaction.receiptLines).toEqual(expect.arrayContaining(['AMOUNT 12.50 EUR', 'APPROVED', 'CARD 424242******4242 VISA']));
    expect(JSON.stringify(response)).not.toContain(PAN);
    expect(hostRequests('0200')[0].fields[4]).toBe('000000001250');
  });

  it('replays the first transaction for the same idempotency-key, without asking the host again', async () => {
    const purchase = request('2000');
    // Unique per run: the distributed mode's database outlives the test run.
    const idempotencyKey = `register-42-receipt-${randomUUID()}`;
    const first = await register.purchase(purchase, { idempotencyKey });
    const second = await register.purchase(purchase, { idempotencyKey });

    expect(first.error).toBeNull();
    expect(second.response).toEqual(first.response);
    expect(hostRequests('0200')).toHaveLength(1);
  });

  it('shares the idempotency record with REST: a retry over gRPC gets the purchase made over REST', async () => {
    const rest = new RegisterClient(platform.gatewayUrl);
    const card = register.card(PAN);
    const idempotencyKey = `register-42-receipt-${randomUUID()}`;
    const overRest = await rest.purchase({ amount: 3100, currency: 'EUR', card }, { idempotencyKey });
    const overGrpc = await register.purchase({ amount: { amountMinor: '3100', currency: 'EUR' }, card }, { idempotencyKey });

    expect(overRest.status).toBe(201);
    expect(transactionOf(overGrpc.response).transactionId).toBe(overRest.body.transactionId);
    expect(hostRequests('0200')).toHaveLength(1);
  });

  it('answers UNAUTHENTICATED to a missing or unknown terminal key, and asks nobody', async () => {
    const missing = await register.purchase(request('100'), { key: null });
    const unknown = await register.purchase(request('100'), { key: 'not-a-terminal-key-123' });

    expect(missing.error?.code).toBe(GrpcStatus.UNAUTHENTICATED);
    expect(missing.error?.details).toMatch(/missing terminal API key/);
    expect(unknown.error?.code).toBe(GrpcStatus.UNAUTHENTICATED);
    expect(unknown.error?.details).toBe('unknown or disabled terminal API key');
    expect(hostRequests('0200')).toHaveLength(0);
  });

  it.each([
    ['amount', { amount: { amountMinor: '0', currency: 'EUR' } }, /amount: amount must be at least 1 minor unit/],
    ['currency', { amount: { amountMinor: '100', currency: 'euro' } }, /currency: currency must be an ISO 4217 alphabetic code/],
    [
      'card.ksn',
      { card: { bdkId: 'test-bdk', ksn: 'xyz', ciphertext: '00' } },
      /card\.ksn: ksn must be 20 \(TDES DUKPT\) or 24 \(AES DUKPT\) uppercase hex digits/,
    ],
    ['card (unset)', { card: null }, /^card: card is required \(an object with bdkId, ksn and ciphertext\)$/],
    ['amount (unset)', { amount: null }, /^amount: amount is required .*; currency: currency is required/],
  ])('answers INVALID_ARGUMENT naming the field when %s is invalid', async (_field, change, message) => {
    const { error } = await register.purchase({ ...request('100'), ...change });

    expect(error?.code).toBe(GrpcStatus.INVALID_ARGUMENT);
    expect(error?.details).toMatch(message);
    expect(hostRequests('0200')).toHaveLength(0);
  });

  it('answers INVALID_ARGUMENT to a missing idempotency-key and FAILED_PRECONDITION to a currency the terminal does not accept', async () => {
    const missingKey = await register.purchase(request('100'), { idempotencyKey: null });
    const refused = await register.purchase({ ...request('100'), amount: { amountMinor: '100', currency: 'GBP' } });

    expect(missingKey.error?.code).toBe(GrpcStatus.INVALID_ARGUMENT);
    expect(missingKey.error?.details).toMatch(/Idempotency-Key header: required, 8-64 letters/);
    expect(refused.error?.code).toBe(GrpcStatus.FAILED_PRECONDITION);
    expect(refused.error?.details).toMatch(/GBP is not accepted by terminal DEMO0001/);
  });

  it('passes on the host decline with its response code, as a successful call', async () => {
    platform.simulator.setDefault({ kind: 'decline', responseCode: '51' });
    const { error, response } = await register.purchase(request('3000'));

    expect(error).toBeNull();
    expect(transactionOf(response)).toMatchObject({
      status: 'TRANSACTION_STATUS_DECLINED',
      responseCode: '51',
      responseText: 'Insufficient funds',
      approvalCode: '',
    });
    expect(transactionOf(response).receiptLines).toEqual(expect.arrayContaining(['RESPONSE 51 INSUFFICIENT FUNDS', 'DECLINED']));
  });

  it('lists TerminalService through server reflection, and describes it (what grpcurl needs to call it without the .proto)', async () => {
    const listed = await register.reflect({ listServices: '' });
    const names = ((listed.listServicesResponse as { service: { name: string }[] }).service ?? []).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining([TERMINAL_SERVICE, 'grpc.health.v1.Health']));

    const described = await register.reflect({ fileContainingSymbol: TERMINAL_SERVICE });
    const [file] = (described.fileDescriptorResponse as { fileDescriptorProto: Buffer[] }).fileDescriptorProto;
    const descriptor = file.toString('latin1');
    expect(descriptor).toContain('payments.terminal.v1');
    expect(descriptor).toMatch(/TerminalService[\s\S]*Purchase[\s\S]*PurchaseRequest/);
  });

  it('answers the standard health check SERVING for the server and for TerminalService', async () => {
    expect((await register.healthOf('')).response).toEqual({ status: 'SERVING' });
    expect((await register.healthOf(TERMINAL_SERVICE)).response).toEqual({ status: 'SERVING' });
  });
});
