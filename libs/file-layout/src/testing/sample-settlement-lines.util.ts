import type { FileContext } from '../definition/file-context.model';

/** The context of a small acquirer file: business day 2026-12-04, made the next night, sequence 7. */
export const SAMPLE_CONTEXT: FileContext = {
  businessDay: '2026-12-04',
  createdAt: new Date('2026-12-05T01:30:00Z'),
  sequence: 7,
  values: { acquirerId: 'ACQ01' },
};

/** Three settlement lines: a purchase in EUR, a refund in EUR written negative, a purchase in JPY (exponent 0). */
export const SAMPLE_LINES = [
  {
    terminalId: 'T0000001',
    merchantId: 'M00000000000042',
    transactionTime: new Date('2026-12-04T09:15:02Z'),
    maskedPan: '424242******4242',
    amountMinor: 1250n,
    currency: '978',
    operationType: 'purchase',
    approvalCode: 'A1B2C3',
    rrn: '633809123456',
    stan: '000123',
    scheme: 'visa',
  },
  {
    terminalId: 'T0000001',
    merchantId: 'M00000000000042',
    transactionTime: new Date('2026-12-04T17:40:59Z'),
    maskedPan: '555555******4444',
    amountMinor: -500n,
    currency: '978',
    operationType: 'refund',
    approvalCode: '',
    rrn: '633817000001',
    stan: '000124',
    scheme: 'mastercard',
  },
  {
    terminalId: 'T2',
    merchantId: 'M7',
    transactionTime: new Date('2026-12-04T23:59:59Z'),
    maskedPan: '353011******0005',
    amountMinor: 98000n,
    currency: '392',
    operationType: 'purchase',
    approvalCode: '000777',
    rrn: '633823999999',
    stan: '999999',
    scheme: 'jcb',
  },
];
