import type { AuthorizeReply } from '@payments/contracts';

import { Metadata, status as GrpcStatus } from '@grpc/grpc-js';

import { FollowUpUseCase } from '../../follow-ups/follow-up.usecase';
import { canonicalJson } from '../../idempotency/idempotency.service';
import { RegisterOperationRunner } from '../../operations/register-operation.runner';
import type { RegisterOutcome } from '../../outcomes/register-outcome';
import { TerminalKeyCache } from '../../terminals/terminal-key.cache';
import { Terminal } from '../../terminals/terminal';
import { GrpcError, TRANSACTION_ID_METADATA } from '../register-outcome.grpc';
import { CardTransactionResponseMessage } from '../terminal.messages';
import { TerminalMetadataAuthenticator } from '../terminal-metadata.authenticator';
import { TerminalRpc, TerminalRpcAdapter } from '../terminal-rpc.adapter';
import { cancelRpc, completeRpc, emergencyCancelRpc, refundRpc } from './follow-up.rpc';
import { unaryCallOf } from '../testing/unary-call.fake';

const TERMINAL: Terminal = { clientId: 'c-4', name: 'Register 4', terminalId: 'DEMO0004', merchantId: 'DEMOSHOP0000001', currencies: ['EUR'] };
const KEY = 'register-key-0123456789';
const IDEMPOTENCY_KEY = 'register-4-receipt-18';
const ORIGINAL = 'a4d6c1f0-8d2b-4f0e-9a51-2e7b0c3d9f12';
const REPLY: AuthorizeReply = {
  transactionId: '0f5c3f5e-7b1a-4a53-9a43-1c1e2f0d9b11',
  operation: 'cancel',
  status: 'approved',
  responseCode: '00',
  responseText: 'Approved',
  amountMinor: '1000',
  currency: 'EUR',
  terminalId: 'DEMO0004',
  merchantId: 'DEMOSHOP0000001',
  processedAt: '2026-11-20T10:15:00.000Z',
  originalTransactionId: ORIGINAL,
};
const NO_ORIGINAL = { originalTransactionId: '', approvalCode: '', rrn: '', amount: null };

/**
 * The real follow-up use case over a fake runner: what reaches the runner is what the REST
 * controller makes of the same request, so the idempotency hash is the same over either protocol.
 */
describe('follow-up RPCs (Cancel, Refund, EmergencyCancel, Complete)', () => {
  const runner = { run: jest.fn<Promise<RegisterOutcome>, Parameters<RegisterOperationRunner['run']>>() };
  const followUps = new FollowUpUseCase(runner as unknown as RegisterOperationRunner);
  const clients = { findActiveByKey: jest.fn((key: string) => Promise.resolve(key === KEY ? TERMINAL : undefined)) };
  const adapter = new TerminalRpcAdapter(new TerminalMetadataAuthenticator(clients as unknown as TerminalKeyCache));

  const call = <Request, Dto extends object>(rpc: TerminalRpc<Request, Dto, CardTransactionResponseMessage>, request: Request) => {
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${KEY}`);
    metadata.set('idempotency-key', IDEMPOTENCY_KEY);
    return new Promise<{ error: GrpcError | null; response?: CardTransactionResponseMessage | null }>((resolve) => {
      adapter.unary('Test', rpc)(unaryCallOf<Request, CardTransactionResponseMessage>(request, metadata), (error, response) =>
        resolve({ error: error as GrpcError | null, response }),
      );
    });
  };
  /** The body the runner hashed, as canonical JSON; and the follow-up request it would send. */
  const sent = () => {
    const [terminal, key, body, , requestOf] = runner.run.mock.calls[0];
    return { terminal, key, body: canonicalJson(body), request: requestOf('tx-1') as Record<string, unknown> };
  };

  beforeEach(() => {
    runner.run.mockReset().mockResolvedValue({ kind: 'approved', reply: REPLY });
  });

  it('cancels part of the original named by id, with the body POST /v1/cancels makes', async () => {
    const { error, response } = await call(cancelRpc(followUps), {
      ...NO_ORIGINAL,
      originalTransactionId: ORIGINAL,
      amount: { amountMinor: '1000', currency: 'EUR' },
    });

    expect(error).toBeNull();
    expect(response?.transaction).toMatchObject({
      operation: 'OPERATION_CANCEL',
      originalTransactionId: ORIGINAL,
      amount: { amountMinor: '1000', currency: 'EUR' },
    });
    const { terminal, key, body, request } = sent();
    expect([terminal, key]).toEqual([TERMINAL, IDEMPOTENCY_KEY]);
    expect(body).toBe(
      canonicalJson({ operation: 'cancel', originalTransactionId: ORIGINAL, amount: 1000, currency: 'EUR', original: { transactionId: ORIGINAL } }),
    );
    expect(request).toMatchObject({ operation: 'cancel', original: { transactionId: ORIGINAL }, amountMinor: '1000', currency: 'EUR' });
  });

  it('refunds the original named by approval code + RRN; an unset amount is everything that is left', async () => {
    await call(refundRpc(followUps), { ...NO_ORIGINAL, approvalCode: 'A1B2C3', rrn: '633410000001' });

    const { body, request } = sent();
    expect(body).toBe(
      canonicalJson({ operation: 'refund', approvalCode: 'A1B2C3', rrn: '633410000001', original: { approvalCode: 'A1B2C3', rrn: '633410000001' } }),
    );
    expect(request).toMatchObject({ operation: 'refund', amountMinor: undefined, currency: undefined });
  });

  it.each([
    [
      'both ways',
      { originalTransactionId: ORIGINAL, approvalCode: 'A1B2C3', rrn: '633410000001' },
      'original: give originalTransactionId or approvalCode + rrn, not both',
    ],
    ['neither way', {}, 'original: originalTransactionId, or approvalCode + rrn from the receipt, is required'],
    ['by half a receipt', { approvalCode: 'A1B2C3' }, 'original: approvalCode and rrn go together'],
    ['by an id that is no UUID', { originalTransactionId: 'not-a-uuid' }, 'originalTransactionId: originalTransactionId must be a UUID'],
  ])('refuses an original named %s as INVALID_ARGUMENT, as REST refuses it with 400', async (_case, original, details) => {
    const { error } = await call(cancelRpc(followUps), { ...NO_ORIGINAL, ...original });

    expect(error).toMatchObject({ code: GrpcStatus.INVALID_ARGUMENT, details });
    expect(runner.run).not.toHaveBeenCalled();
  });

  it('refuses a set amount of 0 rather than reading it as "everything"', async () => {
    const { error } = await call(refundRpc(followUps), { ...NO_ORIGINAL, originalTransactionId: ORIGINAL, amount: { amountMinor: '0', currency: 'EUR' } });

    expect(error).toMatchObject({ code: GrpcStatus.INVALID_ARGUMENT, details: 'amount: amount must be at least 1 minor unit' });
    expect(runner.run).not.toHaveBeenCalled();
  });

  it('emergency-cancels the last operation with the empty body of POST /v1/emergency-cancels, naming no original', async () => {
    const { error } = await call(emergencyCancelRpc(followUps), {});

    expect(error).toBeNull();
    const { body, request } = sent();
    expect(body).toBe(canonicalJson({ operation: 'emergency_cancel' }));
    expect(request).toMatchObject({ operation: 'emergency_cancel', original: undefined, amountMinor: undefined });
  });

  it('completes the preauthorization named as REST names it in the path, the id not in the body', async () => {
    await call(completeRpc(followUps), { preauthorizationId: ORIGINAL, amount: { amountMinor: '8000', currency: 'EUR' } });

    const { body, request } = sent();
    expect(body).toBe(canonicalJson({ operation: 'completion', amount: 8000, currency: 'EUR', original: { transactionId: ORIGINAL } }));
    expect(request).toMatchObject({ operation: 'completion', original: { transactionId: ORIGINAL }, amountMinor: '8000' });
  });

  it('completes for the preauthorized amount when none is given, and refuses an id that is no UUID', async () => {
    await call(completeRpc(followUps), { preauthorizationId: ORIGINAL, amount: null });
    expect(sent().body).toBe(canonicalJson({ operation: 'completion', original: { transactionId: ORIGINAL } }));

    const { error } = await call(completeRpc(followUps), { preauthorizationId: '', amount: null });
    expect(error).toMatchObject({ code: GrpcStatus.INVALID_ARGUMENT, details: 'preauthorizationId: preauthorizationId must be a UUID' });
  });

  it('answers a rule the platform enforced (REST 422) as FAILED_PRECONDITION naming the rule and the rejected transaction', async () => {
    const rejected: AuthorizeReply = {
      ...REPLY,
      operation: 'completion',
      status: 'rejected',
      responseCode: '12',
      responseText: 'amount: 10001 is above the preauthorized 10000',
    };
    runner.run.mockResolvedValue({ kind: 'rejected', reply: rejected });

    const { error } = await call(completeRpc(followUps), { preauthorizationId: ORIGINAL, amount: { amountMinor: '10001', currency: 'EUR' } });

    expect(error?.code).toBe(GrpcStatus.FAILED_PRECONDITION);
    expect(error?.details).toBe(`transaction ${REPLY.transactionId}: amount: 10001 is above the preauthorized 10000`);
    expect(error?.metadata?.get(TRANSACTION_ID_METADATA)).toEqual([REPLY.transactionId]);
  });
});
