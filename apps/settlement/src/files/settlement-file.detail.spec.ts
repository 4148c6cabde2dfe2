import { type BatchLineRow, fileDetailOf, NOT_CARRIED } from './settlement-file.detail';

const line = (change: Partial<BatchLineRow> = {}): BatchLineRow => ({
  transaction_id: '1f0e4a9c-0000-4000-8000-000000000001',
  event: 'authorized',
  merchant_id: 'SHOP00000000001',
  terminal_id: 'T0000001',
  scheme: 'visa',
  operation: 'purchase',
  direction: 'debit',
  amount_minor: '1250',
  currency: 'EUR',
  occurred_at: new Date('2026-12-01T10:00:00.000Z'),
  rrn: null,
  masked_pan: null,
  approval_code: null,
  ...change,
});

describe(fileDetailOf.name, () => {
  it('writes the masked PAN, RRN and approval code the line kept (the STAN is carried by no event)', () => {
    expect(fileDetailOf(line({ masked_pan: '476173******0119', rrn: '632605000042', approval_code: 'A1B2C3' }))).toMatchObject({
      maskedPan: '476173******0119',
      rrn: '632605000042',
      approvalCode: 'A1B2C3',
      stan: NOT_CARRIED.stan,
    });
  });

  it('writes a purchase as a positive amount with the numeric currency and the operation code', () => {
    expect(fileDetailOf(line())).toEqual({
      terminalId: 'T0000001',
      merchantId: 'SHOP00000000001',
      transactionTime: new Date('2026-12-01T10:00:00.000Z'),
      amountMinor: 1250n,
      currency: '978',
      operationType: 'PURCHASE',
      scheme: 'visa',
      ...NOT_CARRIED,
    });
  });

  it.each([
    ['a refund', { operation: 'refund', direction: 'credit' }, -1250n, 'REFUND'],
    ['the cancel of a purchase', { operation: 'cancel', direction: 'credit' }, -1250n, 'CANCEL'],
    ['a reversed purchase', { event: 'reversed', direction: 'credit' }, -1250n, 'REVERSAL'],
    ['a reversed refund', { event: 'reversed', operation: 'refund', direction: 'debit' }, 1250n, 'REVERSAL'],
    ['an emergency cancel (10 letters at most)', { operation: 'emergency_cancel', direction: 'credit' }, -1250n, 'EMCANCEL'],
  ])('signs %s by its direction', (_what, change, amountMinor, operationType) => {
    expect(fileDetailOf(line(change))).toMatchObject({ amountMinor, operationType });
  });

  it('keeps an amount beyond 2^53 exact, and a currency without decimals as its code', () => {
    expect(fileDetailOf(line({ amount_minor: '900719925474099312', currency: 'JPY' }))).toMatchObject({
      amountMinor: 900719925474099312n,
      currency: '392',
    });
  });

  it('names the scheme unknown when the event named none, like the batch totals', () => {
    expect(fileDetailOf(line({ scheme: null })).scheme).toBe('unknown');
  });

  it('never writes a card number it does not have: a zero mask, no approval code, zero RRN and STAN', () => {
    expect(fileDetailOf(line())).toMatchObject({ maskedPan: '000000****0000', approvalCode: '', rrn: '000000000000', stan: '000000' });
  });

  it('refuses a currency it cannot code and an operation without a file code, naming the line', () => {
    expect(() => fileDetailOf(line({ currency: 'XXQ' }))).toThrow('settlement line 1f0e4a9c-0000-4000-8000-000000000001/authorized: unknown currency XXQ');
    expect(() => fileDetailOf(line({ operation: 'balance_inquiry' }))).toThrow('no file code for operation balance_inquiry');
  });
});
