import { handleUnaryCall, Metadata, status as GrpcStatus } from '@grpc/grpc-js';

import type { AuthorizeReply, TerminalServiceReply, TerminalServiceRequest } from '@payments/contracts';
import type { Rpc } from '@payments/rpc';

import { loadGatewayEnv } from '../../config/gateway-env';
import { IdempotencyService } from '../../idempotency/idempotency.service';
import { TerminalKeyCache } from '../../terminals/terminal-key.cache';
import { Terminal } from '../../terminals/terminal';
import { TerminalServiceUseCase } from '../../terminal-services/terminal-service.usecase';
import { GrpcError } from '../register-outcome.grpc';
import { TerminalMetadataAuthenticator } from '../terminal-metadata.authenticator';
import { TerminalRpcAdapter } from '../terminal-rpc.adapter';
import { closeDayRpc, connectionCheckRpc, receiptCopyRpc, reportRpc } from './terminal-service.rpc';
import { unaryCallOf } from '../testing/unary-call.fake';

const TERMINAL: Terminal = { clientId: 'c-4', name: 'Register 4', terminalId: 'DEMO0004', merchantId: 'DEMOSHOP0000001', currencies: ['EUR'] };
const KEY = 'register-key-0123456789';
const TX = '0f5c3f5e-7b1a-4a53-9a43-1c1e2f0d9b11';
const BASE = {
  requestId: 'b3c1f7a4-1f43-4c55-9b1e-6f1f8a7c2d10',
  terminalId: 'DEMO0004',
  merchantId: 'DEMOSHOP0000001',
  processedAt: '2026-11-20T18:00:00.000Z',
};
const CLOSED_BATCH = {
  batchNumber: 7,
  status: 'closed' as const,
  openedAt: '2026-11-19T18:00:00.000Z',
  closedAt: '2026-11-20T18:00:00.000Z',
  reconciliation: 'in_balance' as const,
  totals: [
    {
      currency: 'EUR',
      debitCount: 3,
      debitAmountMinor: '12500',
      creditCount: 1,
      creditAmountMinor: '1500',
      debitReversalCount: 0,
      debitReversalAmountMinor: '0',
    },
  ],
};
const PURCHASE: AuthorizeReply = {
  transactionId: TX,
  operation: 'purchase',
  status: 'approved',
  responseCode: '00',
  responseText: 'Approved',
  maskedPan: '555555******4444',
  terminalId: 'DEMO0004',
  merchantId: 'DEMOSHOP0000001',
  amountMinor: '999',
  currency: 'EUR',
  processedAt: '2026-11-20T10:15:00.000Z',
};

/** The real gateway use case over a fake authorization client: the status REST would answer is the one gRPC maps. */
describe('terminal service RPCs (ConnectionCheck, CloseDay, Report, ReceiptCopy)', () => {
  const rpc = { call: jest.fn<Promise<TerminalServiceReply>, [unknown, TerminalServiceRequest]>() };
  const idempotency = { start: jest.fn(), complete: jest.fn() };
  const services = new TerminalServiceUseCase(rpc as unknown as Rpc, loadGatewayEnv({}), idempotency as unknown as IdempotencyService);
  const clients = { findActiveByKey: jest.fn((key: string) => Promise.resolve(key === KEY ? TERMINAL : undefined)) };
  const adapter = new TerminalRpcAdapter(new TerminalMetadataAuthenticator(clients as unknown as TerminalKeyCache));

  const metadata = (idempotencyKey?: string) => {
    const result = new Metadata();
    result.set('authorization', `Bearer ${KEY}`);
    if (idempotencyKey) result.set('idempotency-key', idempotencyKey);
    return result;
  };
  const run = <Request, Response>(handler: handleUnaryCall<Request, Response>, request: Request, meta = metadata()) =>
    new Promise<{ error: GrpcError | null; response?: Response }>((resolve) => {
      handler(unaryCallOf<Request, Response>(request, meta), (error, response) =>
        resolve({ error: error as GrpcError | null, response: response as Response }),
      );
    });
  const asked = () => rpc.call.mock.calls[0][1];
  const replying = (reply: Omit<TerminalServiceReply, keyof typeof BASE>) => rpc.call.mockResolvedValue({ ...BASE, ...reply });

  beforeEach(() => {
    rpc.call.mockReset();
    idempotency.start.mockReset().mockResolvedValue({ kind: 'new', transactionId: BASE.requestId });
    idempotency.complete.mockReset().mockResolvedValue(undefined);
  });

  it('checks the connection without idempotency-key, and answers the echo with its latency', async () => {
    replying({
      operation: 'connection_check',
      status: 'ok',
      message: 'host reachable',
      connection: { acquirer: 'default', latencyMs: 2.5, responseCode: '00' },
    });

    const { error, response } = await run(adapter.query('ConnectionCheck', connectionCheckRpc(services)), {});

    expect(error).toBeNull();
    expect(asked()).toMatchObject({ operation: 'connection_check', terminalId: 'DEMO0004' });
    expect(response).toEqual({ ...BASE, message: 'host reachable', connection: { acquirer: 'default', latencyMs: 2.5, responseCode: '00' } });
  });

  it('answers a host that did not answer the echo (REST 502) as UNAVAILABLE saying so', async () => {
    replying({
      operation: 'connection_check',
      status: 'failed',
      message: 'host not reachable: no response from the acquirer host to 0800 STAN 000042 within 1500 ms',
    });

    const { error } = await run(adapter.query('ConnectionCheck', connectionCheckRpc(services)), {});

    expect(error).toMatchObject({ code: GrpcStatus.UNAVAILABLE, details: expect.stringMatching(/^host not reachable: no response/) });
  });

  it('closes the day under the idempotency-key, as POST /v1/close-day does, and answers the closed batch and the next', async () => {
    replying({ operation: 'close_day', status: 'ok', message: 'batch 7 closed, host answered EUR 00; batch 8 open', batch: CLOSED_BATCH, nextBatchNumber: 8 });

    const { error, response } = await run(adapter.unary('CloseDay', closeDayRpc(services)), {}, metadata('register-4-close-20261120'));

    expect(error).toBeNull();
    expect(idempotency.start).toHaveBeenCalledWith('c-4', 'register-4-close-20261120', { operation: 'close_day' });
    expect(response).toEqual({
      ...BASE,
      message: 'batch 7 closed, host answered EUR 00; batch 8 open',
      nextBatchNumber: 8,
      batch: {
        batchNumber: 7,
        status: 'BATCH_STATUS_CLOSED',
        openedAt: '2026-11-19T18:00:00.000Z',
        closedAt: '2026-11-20T18:00:00.000Z',
        reconciliation: 'RECONCILIATION_IN_BALANCE',
        totals: [
          {
            currency: 'EUR',
            debitCount: 3,
            debitAmountMinor: '12500',
            creditCount: 1,
            creditAmountMinor: '1500',
            debitReversalCount: 0,
            debitReversalAmountMinor: '0',
          },
        ],
      },
    });
  });

  it('refuses a close of day without idempotency-key, as REST does, and closes nothing', async () => {
    const { error } = await run(adapter.unary('CloseDay', closeDayRpc(services)), {});

    expect(error).toMatchObject({ code: GrpcStatus.INVALID_ARGUMENT, details: 'Idempotency-Key header: required, 8-64 letters, digits or _ . : -' });
    expect(rpc.call).not.toHaveBeenCalled();
  });

  it.each([
    ['REPORT_KIND_SHORT', 0, { kind: 'short', batchNumber: undefined }],
    ['REPORT_KIND_FULL', 7, { kind: 'full', batchNumber: 7 }],
  ])('asks for report %s of batch %i (0: the open one) as GET /v1/reports/{kind}?batch= does', async (kind, batchNumber, request) => {
    replying({ operation: 'report', status: 'ok', message: 'report', batch: CLOSED_BATCH });

    await run(adapter.query('Report', reportRpc(services)), { kind, batchNumber });

    expect(asked()).toMatchObject({ operation: 'report', ...request });
  });

  it('answers a full report with every operation as a CardTransaction, its receipt lines included', async () => {
    replying({
      operation: 'report',
      status: 'ok',
      message: 'full report of batch 8 (1 operations)',
      batch: { ...CLOSED_BATCH, status: 'open', closedAt: undefined, reconciliation: undefined },
      transactions: [PURCHASE],
    });

    const { response } = await run(adapter.query('Report', reportRpc(services)), { kind: 'REPORT_KIND_FULL', batchNumber: 0 });

    expect(response?.batch).toMatchObject({ status: 'BATCH_STATUS_OPEN', closedAt: '', reconciliation: 'RECONCILIATION_UNSPECIFIED' });
    expect(response?.transactions).toEqual([
      expect.objectContaining({ transactionId: TX, maskedPan: '555555******4444', receiptLines: expect.arrayContaining(['AMOUNT 9.99 EUR']) }),
    ]);
  });

  it.each([
    [{ kind: 'REPORT_KIND_UNSPECIFIED', batchNumber: 0 }, 'kind: kind must be REPORT_KIND_SHORT or REPORT_KIND_FULL'],
    [{ kind: 9, batchNumber: 0 }, 'kind: kind must be REPORT_KIND_SHORT or REPORT_KIND_FULL'],
  ])('refuses report request %j as INVALID_ARGUMENT naming the field', async (request, details) => {
    expect((await run(adapter.query('Report', reportRpc(services)), request)).error).toMatchObject({ code: GrpcStatus.INVALID_ARGUMENT, details });
    expect(rpc.call).not.toHaveBeenCalled();
  });

  it('answers a batch the terminal does not have (REST 404) as NOT_FOUND', async () => {
    replying({ operation: 'report', status: 'rejected', message: 'terminal DEMO0004 has no batch 99' });

    const { error } = await run(adapter.query('Report', reportRpc(services)), { kind: 'REPORT_KIND_SHORT', batchNumber: 99 });

    expect(error).toMatchObject({ code: GrpcStatus.NOT_FOUND, details: 'terminal DEMO0004 has no batch 99' });
  });

  it('copies the receipt of the last operation for an empty id, of the named one otherwise, marked COPY', async () => {
    replying({ operation: 'receipt_copy', status: 'ok', message: `copy of the receipt of ${TX}`, receipt: PURCHASE });
    const handler = adapter.query('ReceiptCopy', receiptCopyRpc(services));

    const last = await run(handler, { transactionId: '' });
    await run(handler, { transactionId: TX });

    expect(rpc.call.mock.calls.map(([, request]) => request)).toEqual([
      expect.objectContaining({ operation: 'receipt_copy', transactionId: undefined }),
      expect.objectContaining({ operation: 'receipt_copy', transactionId: TX }),
    ]);
    expect(last.response?.transaction).toMatchObject({
      transactionId: TX,
      operation: 'OPERATION_PURCHASE',
      receiptLines: expect.arrayContaining(['*** COPY ***']),
    });
  });

  it('refuses a receipt id that is no UUID, and answers one the terminal does not have as NOT_FOUND', async () => {
    const handler = adapter.query('ReceiptCopy', receiptCopyRpc(services));
    expect((await run(handler, { transactionId: 'last' })).error).toMatchObject({
      code: GrpcStatus.INVALID_ARGUMENT,
      details: 'transactionId: transactionId must be a UUID',
    });

    replying({ operation: 'receipt_copy', status: 'rejected', message: `transaction ${TX} not found for this terminal` });
    expect((await run(handler, { transactionId: TX })).error).toMatchObject({
      code: GrpcStatus.NOT_FOUND,
      details: `transaction ${TX} not found for this terminal`,
    });
  });
});
