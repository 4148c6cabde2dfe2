import { Metadata, status as GrpcStatus } from '@grpc/grpc-js';

import type { AuthorizeReply } from '@payments/contracts';

import { canonicalJson } from '../../idempotency/idempotency.service';
import { CardInquiryDto } from '../../operations/card-inquiry.dto';
import { CardOperationUseCase } from '../../operations/card-operation.usecase';
import { CreatePurchaseDto } from '../../operations/dto/create-purchase.dto';
import type { RegisterOutcome } from '../../outcomes/register-outcome';
import { TerminalKeyCache } from '../../terminals/terminal-key.cache';
import { Terminal } from '../../terminals/terminal';
import { GrpcError } from '../register-outcome.grpc';
import { CardInquiryRequestMessage, CardPaymentRequestMessage, CardTransactionResponseMessage } from '../terminal.messages';
import { TerminalMetadataAuthenticator } from '../terminal-metadata.authenticator';
import { TerminalRpc, TerminalRpcAdapter } from '../terminal-rpc.adapter';
import { cardInquiryRpc, cardPaymentRpc } from './card-operation.rpc';
import { unaryCallOf } from '../testing/unary-call.fake';

const TERMINAL: Terminal = { clientId: 'c-4', name: 'Register 4', terminalId: 'DEMO0004', merchantId: 'DEMOSHOP0000001', currencies: ['EUR'] };
const KEY = 'register-key-0123456789';
const IDEMPOTENCY_KEY = 'register-4-receipt-17';
const CARD = { bdkId: 'test-bdk', ksn: 'FFFF9876543210E00001', ciphertext: '0123456789ABCDEF' };
const REPLY: AuthorizeReply = {
  transactionId: '0f5c3f5e-7b1a-4a53-9a43-1c1e2f0d9b11',
  operation: 'cash_withdrawal',
  status: 'approved',
  responseCode: '00',
  responseText: 'Approved',
  amountMinor: '5000',
  currency: 'EUR',
  terminalId: 'DEMO0004',
  merchantId: 'DEMOSHOP0000001',
  processedAt: '2026-11-20T10:15:00.000Z',
};

describe('card operation RPCs (CashWithdrawal, TopUp, Preauthorize, Balance, CardData)', () => {
  const operations = { execute: jest.fn<Promise<RegisterOutcome>, Parameters<CardOperationUseCase['execute']>>() };
  const clients = { findActiveByKey: jest.fn((key: string) => Promise.resolve(key === KEY ? TERMINAL : undefined)) };
  const adapter = new TerminalRpcAdapter(new TerminalMetadataAuthenticator(clients as unknown as TerminalKeyCache));
  const useCase = operations as unknown as CardOperationUseCase;

  const call = <Request, Dto extends object>(
    rpc: TerminalRpc<Request, Dto, CardTransactionResponseMessage>,
    request: Request,
    idempotencyKey: string | null = IDEMPOTENCY_KEY,
  ) => {
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${KEY}`);
    if (idempotencyKey) metadata.set('idempotency-key', idempotencyKey);
    const handler = adapter.unary('Test', rpc);
    return new Promise<{ error: GrpcError | null; response?: CardTransactionResponseMessage | null }>((resolve) => {
      handler(unaryCallOf<Request, CardTransactionResponseMessage>(request, metadata), (error, response) =>
        resolve({ error: error as GrpcError | null, response }),
      );
    });
  };
  const payment: CardPaymentRequestMessage = { amount: { amountMinor: '5000', currency: 'EUR' }, card: CARD, entryMode: 'ENTRY_MODE_CONTACTLESS' };
  const inquiry: CardInquiryRequestMessage = { currency: 'EUR', card: CARD, entryMode: 'ENTRY_MODE_UNSPECIFIED' };

  beforeEach(() => {
    operations.execute.mockReset().mockResolvedValue({ kind: 'approved', reply: REPLY });
  });

  it.each([
    ['CashWithdrawal', 'cash_withdrawal'],
    ['TopUp', 'top_up'],
    ['Preauthorize', 'preauthorization'],
  ] as const)(
    '%s hands the card operation use case what its REST controller does: terminal, key, operation %s and the purchase body',
    async (_name, operation) => {
      const { error, response } = await call(cardPaymentRpc(useCase, operation), payment);

      expect(error).toBeNull();
      expect(response?.transaction).toMatchObject({
        transactionId: REPLY.transactionId,
        status: 'TRANSACTION_STATUS_APPROVED',
        amount: { amountMinor: '5000', currency: 'EUR' },
      });
      const [terminal, key, op, dto] = operations.execute.mock.calls[0];
      expect([terminal, key, op]).toEqual([TERMINAL, IDEMPOTENCY_KEY, operation]);
      expect(dto).toBeInstanceOf(CreatePurchaseDto);
      expect(dto).toMatchObject({ amount: 5000, currency: 'EUR', card: CARD, entryMode: 'contactless' });
    },
  );

  it.each([
    ['Balance', 'balance_inquiry'],
    ['CardData', 'card_data'],
  ] as const)('%s hands the use case operation %s and the card inquiry body (currency and card, no amount)', async (_name, operation) => {
    const { error } = await call(cardInquiryRpc(useCase, operation), inquiry);

    expect(error).toBeNull();
    const [, , op, dto] = operations.execute.mock.calls[0];
    expect(op).toBe(operation);
    expect(dto).toBeInstanceOf(CardInquiryDto);
    // The same hash as the REST body { currency, card }: one idempotency key works over either protocol.
    expect(canonicalJson(dto)).toBe(canonicalJson({ currency: 'EUR', card: CARD }));
  });

  it('answers the balance the host reported, negative when overdrawn', async () => {
    operations.execute.mockResolvedValue({ kind: 'approved', reply: { ...REPLY, operation: 'balance_inquiry', amountMinor: '0', balanceMinor: '-1520' } });
    const { response } = await call(cardInquiryRpc(useCase, 'balance_inquiry'), inquiry);

    expect(response?.transaction).toMatchObject({
      operation: 'OPERATION_BALANCE_INQUIRY',
      amount: { amountMinor: '0', currency: 'EUR' },
      balance: { amountMinor: '-1520', currency: 'EUR' },
    });
  });

  it('refuses a balance inquiry without card or currency, naming the fields', async () => {
    const { error } = await call(cardInquiryRpc(useCase, 'balance_inquiry'), { currency: '', card: null, entryMode: 'ENTRY_MODE_UNSPECIFIED' });

    expect(error?.code).toBe(GrpcStatus.INVALID_ARGUMENT);
    expect(error?.details).toBe(
      'currency: currency is required (an ISO 4217 alphabetic code such as EUR); card: card is required (an object with bdkId, ksn and ciphertext)',
    );
    expect(operations.execute).not.toHaveBeenCalled();
  });

  it.each([
    ['CashWithdrawal', () => call(cardPaymentRpc(useCase, 'cash_withdrawal'), payment, null)],
    ['CardData', () => call(cardInquiryRpc(useCase, 'card_data'), inquiry, null)],
  ])('%s requires the idempotency-key metadata, as REST requires the header', async (_name, callWithoutKey) => {
    const { error } = await callWithoutKey();

    expect(error).toMatchObject({ code: GrpcStatus.INVALID_ARGUMENT, details: 'Idempotency-Key header: required, 8-64 letters, digits or _ . : -' });
    expect(operations.execute).not.toHaveBeenCalled();
  });
});
