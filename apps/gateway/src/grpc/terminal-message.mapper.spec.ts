import { receiptOf } from '../receipts/operation-response.mapper';
import { authorizeReplyOf } from '../testing/authorize-reply.fixture';
import { cardInquiryDtoOf, cardTransactionOf, entryModeOf, followUpAmountOf, followUpDtoOf } from './terminal-message.mapper';

const approved = authorizeReplyOf({ rrn: '000000123456', maskedPan: '424242******4242', cardScheme: 'visa', batchNumber: 7 });

describe('an operation as a CardTransaction', () => {
  it('carries every field of the operation, the amount as int64 minor units and the receipt line by line', () => {
    expect(cardTransactionOf(approved)).toEqual({
      transactionId: approved.transactionId,
      operation: 'OPERATION_PURCHASE',
      status: 'TRANSACTION_STATUS_APPROVED',
      responseCode: '00',
      responseText: 'Approved',
      approvalCode: 'A1B2C3',
      rrn: '000000123456',
      stan: '000042',
      maskedPan: '424242******4242',
      cardScheme: 'visa',
      amount: { amountMinor: '1250', currency: 'EUR' },
      terminalId: 'DEMO0001',
      merchantId: 'DEMOSHOP0000001',
      processedAt: '2026-11-20T10:15:00.000Z',
      originalTransactionId: '',
      balance: null,
      cardExpiry: '',
      expiresAt: '',
      batchNumber: 7,
      receiptLines: receiptOf(approved),
      prompt: null,
    });
    expect(cardTransactionOf(approved).receiptLines).toEqual(expect.arrayContaining(['MERCHANT DEMOSHOP0000001', 'AMOUNT 12.50 EUR', 'APPROVED']));
    expect(cardTransactionOf(approved, true).receiptLines[0]).toBe('*** COPY ***');
  });

  it('carries the cashier prompt of an operation that waits for one, its input as the proto enum', () => {
    const expiresAt = '2026-11-20T10:16:00.000Z';
    const waiting = { ...approved, status: 'prompt' as const };
    const digits = cardTransactionOf({
      ...waiting,
      prompt: { promptId: 'p-1', kind: 'confirm_last4', text: 'KEY IN THE LAST 4 DIGITS', input: { type: 'digits', length: 4 }, expiresAt },
    });
    const confirm = cardTransactionOf({
      ...waiting,
      prompt: { promptId: 'p-2', kind: 'accept_partial_approval', text: 'ACCEPT?', input: { type: 'confirm' }, expiresAt },
    });
    const text = cardTransactionOf({
      ...waiting,
      prompt: { promptId: 'p-3', kind: 'enter_original_rrn', text: 'RRN?', input: { type: 'text', maxLength: 12 }, expiresAt },
    });

    expect(digits).toMatchObject({ status: 'TRANSACTION_STATUS_PROMPT', receiptLines: [] });
    expect(digits.prompt).toEqual({
      promptId: 'p-1',
      kind: 'confirm_last4',
      text: 'KEY IN THE LAST 4 DIGITS',
      input: { type: 'PROMPT_INPUT_TYPE_DIGITS', length: 4, maxLength: 0 },
      expiresAt,
    });
    expect(confirm.prompt?.input).toEqual({ type: 'PROMPT_INPUT_TYPE_CONFIRM', length: 0, maxLength: 0 });
    expect(text.prompt?.input).toEqual({ type: 'PROMPT_INPUT_TYPE_TEXT', length: 0, maxLength: 12 });
  });

  it('carries what follow-ups and inquiries add: the original, a balance (negative when overdrawn), expiry and hold', () => {
    expect(cardTransactionOf({ ...approved, operation: 'refund', originalTransactionId: 'a4d6c1f0-8d2b-4f0e-9a51-2e7b0c3d9f12' })).toMatchObject({
      operation: 'OPERATION_REFUND',
      originalTransactionId: 'a4d6c1f0-8d2b-4f0e-9a51-2e7b0c3d9f12',
    });
    expect(cardTransactionOf({ ...approved, operation: 'balance_inquiry', balanceMinor: '-1520' }).balance).toEqual({ amountMinor: '-1520', currency: 'EUR' });
    expect(cardTransactionOf({ ...approved, operation: 'card_data', cardExpiry: '3012' }).cardExpiry).toBe('3012');
    expect(cardTransactionOf({ ...approved, operation: 'preauthorization', expiresAt: '2026-11-27T10:15:00.000Z' }).expiresAt).toBe('2026-11-27T10:15:00.000Z');
  });

  it('sends what the host did not return as empty texts (proto3 has no absent string)', () => {
    const declined = { ...approved, status: 'declined' as const, responseCode: '51', approvalCode: undefined, rrn: undefined, cardScheme: undefined };
    expect(cardTransactionOf(declined)).toMatchObject({ status: 'TRANSACTION_STATUS_DECLINED', responseCode: '51', approvalCode: '', rrn: '', cardScheme: '' });
    expect(cardTransactionOf({ ...approved, status: 'rejected' }).status).toBe('TRANSACTION_STATUS_REJECTED');
    expect(cardTransactionOf({ ...approved, status: 'failed' }).status).toBe('TRANSACTION_STATUS_FAILED');
  });
});

describe('EntryMode as the REST entryMode', () => {
  it.each([
    ['ENTRY_MODE_UNSPECIFIED', undefined],
    ['ENTRY_MODE_CHIP', 'chip'],
    ['ENTRY_MODE_CONTACTLESS', 'contactless'],
    ['ENTRY_MODE_MAGSTRIPE', 'magstripe'],
    [9, '9'],
  ])('%s -> %s', (mode, rest) => {
    expect(entryModeOf(mode)).toBe(rest);
  });
});

describe('follow-up and inquiry requests as REST bodies', () => {
  const CARD = { bdkId: 'test-bdk', ksn: 'FFFF9876543210E00001', ciphertext: '0123456789ABCDEF' };

  it('leaves out what proto3 sends empty: an unset amount is "everything left", empty strings are absent fields', () => {
    expect(followUpDtoOf({ originalTransactionId: '', approvalCode: 'A1B2C3', rrn: '633410000001', amount: null })).toEqual({
      originalTransactionId: undefined,
      approvalCode: 'A1B2C3',
      rrn: '633410000001',
    });
    expect(followUpAmountOf({ amountMinor: '1500', currency: '' })).toEqual({ amount: 1500, currency: undefined });
  });

  it('keeps a set amount of 0 as 0, for validation to refuse (never read as "everything")', () => {
    expect(followUpAmountOf({ amountMinor: '0', currency: 'EUR' })).toEqual({ amount: 0, currency: 'EUR' });
  });

  it('makes a balance inquiry or card read the REST body: currency and card, no amount', () => {
    expect(cardInquiryDtoOf({ currency: 'EUR', card: CARD, entryMode: 'ENTRY_MODE_MAGSTRIPE' })).toEqual({
      currency: 'EUR',
      card: CARD,
      entryMode: 'magstripe',
    });
  });
});
