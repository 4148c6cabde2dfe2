import { Logger } from '@nestjs/common';

import type { AuthorizeReply } from '@payments/contracts';

import { Metadata, status as GrpcStatus } from '@grpc/grpc-js';

import type { RegisterOutcome } from '../outcomes/register-outcome';
import { CreatePurchaseUseCase } from '../purchases/create-purchase.usecase';
import { CreatePurchaseDto } from '../operations/dto/create-purchase.dto';
import { TerminalKeyCache } from '../terminals/terminal-key.cache';
import { Terminal } from '../terminals/terminal';
import { purchaseRpc } from './operations/card-operation.rpc';
import { GrpcError, TRANSACTION_ID_METADATA } from './register-outcome.grpc';
import { PurchaseRequestMessage, PurchaseResponseMessage } from './terminal.messages';
import { TerminalMetadataAuthenticator } from './terminal-metadata.authenticator';
import { TerminalRpcAdapter } from './terminal-rpc.adapter';
import { unaryCallOf } from './testing/unary-call.fake';

const TERMINAL: Terminal = { clientId: 'c-1', name: 'Register 1', terminalId: 'DEMO0001', merchantId: 'DEMOSHOP0000001', currencies: ['EUR'] };
const KEY = 'register-key-0123456789';
const CIPHERTEXT = '0123456789ABCDEF0123456789ABCDEF';
const REQUEST: PurchaseRequestMessage = {
  amount: { amountMinor: '1250', currency: 'EUR' },
  card: { bdkId: 'test-bdk', ksn: 'FFFF9876543210E00001', ciphertext: CIPHERTEXT },
  entryMode: 'ENTRY_MODE_UNSPECIFIED',
};
const REPLY: AuthorizeReply = {
  transactionId: '0f5c3f5e-7b1a-4a53-9a43-1c1e2f0d9b11',
  operation: 'purchase',
  status: 'approved',
  responseCode: '00',
  responseText: 'Approved',
  amountMinor: '1250',
  currency: 'EUR',
  terminalId: 'DEMO0001',
  merchantId: 'DEMOSHOP0000001',
  processedAt: '2026-11-20T10:15:00.000Z',
};

function metadata(entries: Record<string, string>): Metadata {
  const result = new Metadata();
  for (const [key, value] of Object.entries(entries)) result.set(key, value);
  return result;
}

describe(TerminalRpcAdapter.name, () => {
  const clients = { findActiveByKey: jest.fn((key: string) => Promise.resolve(key === KEY ? TERMINAL : undefined)) };
  const purchases = { execute: jest.fn<Promise<RegisterOutcome>, [Terminal, string, CreatePurchaseDto, AbortSignal?]>() };
  const sut = new TerminalRpcAdapter(new TerminalMetadataAuthenticator(clients as unknown as TerminalKeyCache));
  const handler = sut.unary('Purchase', purchaseRpc(purchases as unknown as CreatePurchaseUseCase));

  /** Calls the handler as grpc-js would and resolves with what it answered. */
  const call = (request: PurchaseRequestMessage, meta = metadata({ authorization: `Bearer ${KEY}`, 'idempotency-key': 'register-1-receipt-42' })) =>
    new Promise<{ error: GrpcError | null; response?: PurchaseResponseMessage | null }>((resolve) => {
      handler(unaryCallOf<PurchaseRequestMessage, PurchaseResponseMessage>(request, meta), (error, response) =>
        resolve({ error: error as GrpcError | null, response }),
      );
    });

  beforeEach(() => {
    purchases.execute.mockReset().mockResolvedValue({ kind: 'approved', reply: REPLY });
  });

  it('passes the terminal, the idempotency key and the validated REST DTO to the use case, and answers its outcome', async () => {
    const { error, response } = await call(REQUEST);

    expect(error).toBeNull();
    expect(response?.transaction).toMatchObject({
      transactionId: REPLY.transactionId,
      status: 'TRANSACTION_STATUS_APPROVED',
      receiptLines: expect.arrayContaining(['AMOUNT 12.50 EUR', 'APPROVED']),
    });
    const [terminal, key, dto] = purchases.execute.mock.calls[0];
    expect([terminal, key]).toEqual([TERMINAL, 'register-1-receipt-42']);
    expect(dto).toBeInstanceOf(CreatePurchaseDto);
    expect(dto).toMatchObject({ amount: 1250, currency: 'EUR', card: { ksn: 'FFFF9876543210E00001' } });
  });

  it('hands the use case a connection signal that aborts when the register cancels the call or its deadline passes', async () => {
    let connection: AbortSignal | undefined;
    let answered = false;
    purchases.execute.mockImplementation((_terminal, _key, _dto, signal) => {
      connection = signal;
      return new Promise(() => undefined);
    });
    const grpcCall = unaryCallOf<PurchaseRequestMessage, PurchaseResponseMessage>(
      REQUEST,
      metadata({ authorization: `Bearer ${KEY}`, 'idempotency-key': 'register-1-receipt-43' }),
    );
    handler(grpcCall, () => (answered = true));
    await new Promise((resolve) => setImmediate(resolve));

    expect(connection?.aborted).toBe(false);
    grpcCall.emit('cancelled');
    expect(connection?.aborted).toBe(true);
    expect(answered).toBe(false);
  });

  it('refuses a missing or unknown terminal key as UNAUTHENTICATED, before anything else', async () => {
    const missing = await call({ ...REQUEST, amount: null }, metadata({ 'idempotency-key': 'register-1-receipt-42' }));
    const unknown = await call(REQUEST, metadata({ authorization: 'Bearer not-a-terminal-key', 'idempotency-key': 'register-1-receipt-42' }));

    expect(missing.error).toMatchObject({ code: GrpcStatus.UNAUTHENTICATED, details: expect.stringMatching(/missing terminal API key/) });
    expect(unknown.error).toMatchObject({ code: GrpcStatus.UNAUTHENTICATED, details: 'unknown or disabled terminal API key' });
    expect(purchases.execute).not.toHaveBeenCalled();
  });

  it('refuses an invalid field as INVALID_ARGUMENT naming it, without calling the use case', async () => {
    const { error } = await call({ ...REQUEST, card: { ...REQUEST.card!, ksn: 'xyz' } });

    expect(error).toMatchObject({ code: GrpcStatus.INVALID_ARGUMENT, details: 'card.ksn: ksn must be 20 (TDES DUKPT) or 24 (AES DUKPT) uppercase hex digits' });
    expect(purchases.execute).not.toHaveBeenCalled();
  });

  it.each([[{}], [{ 'idempotency-key': 'short' }], [{ 'idempotency-key': 'has spaces in it' }]])(
    'refuses idempotency-key metadata %j as INVALID_ARGUMENT',
    async (entries) => {
      const { error } = await call(REQUEST, metadata({ authorization: `Bearer ${KEY}`, ...entries }));

      expect(error).toMatchObject({ code: GrpcStatus.INVALID_ARGUMENT, details: 'Idempotency-Key header: required, 8-64 letters, digits or _ . : -' });
      expect(purchases.execute).not.toHaveBeenCalled();
    },
  );

  it('answers an authorization without outcome as DEADLINE_EXCEEDED naming the transaction to retry for', async () => {
    purchases.execute.mockResolvedValue({ kind: 'outcome_unknown', transactionId: REPLY.transactionId, message: 'no authorization outcome within 8000 ms' });
    const { error } = await call(REQUEST);

    expect(error?.code).toBe(GrpcStatus.DEADLINE_EXCEEDED);
    expect(error?.details).toContain(REPLY.transactionId);
    expect(error?.metadata?.get(TRANSACTION_ID_METADATA)).toEqual([REPLY.transactionId]);
  });

  it('answers what the use case refuses with its message', async () => {
    purchases.execute.mockResolvedValue({ kind: 'not_accepted', message: 'currency: GBP is not accepted by terminal DEMO0001 (accepts EUR)' });
    expect((await call(REQUEST)).error).toMatchObject({
      code: GrpcStatus.FAILED_PRECONDITION,
      details: 'currency: GBP is not accepted by terminal DEMO0001 (accepts EUR)',
    });
  });

  it('runs a read without idempotency-key, and hands the use case only the terminal and the DTO', async () => {
    const execute = jest.fn().mockResolvedValue(REPLY);
    const read = sut.query('ReceiptCopy', {
      dto: CreatePurchaseDto,
      toDto: () => ({ amount: 1, currency: 'EUR', card: REQUEST.card }),
      execute,
      answer: (outcome: unknown) => ({ ok: true, response: outcome }),
    });
    const answered = await new Promise<unknown>((resolve) =>
      read(unaryCallOf<object, unknown>({}, metadata({ authorization: `Bearer ${KEY}` })), (error, response) => resolve(error ?? response)),
    );

    expect(answered).toEqual(REPLY);
    expect(execute).toHaveBeenCalledWith({ terminal: TERMINAL, dto: expect.any(CreatePurchaseDto) });
  });

  it('answers INTERNAL without internals, and logs the error but never the card data', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    purchases.execute.mockRejectedValue(new Error('connect ECONNREFUSED 10.0.0.7:9092'));

    const { error } = await call(REQUEST);

    expect(error).toEqual({ code: GrpcStatus.INTERNAL, details: 'internal error' });
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('ECONNREFUSED'), expect.any(String));
    expect(JSON.stringify(logged.mock.calls)).not.toContain(CIPHERTEXT);
    logged.mockRestore();
  });
});
