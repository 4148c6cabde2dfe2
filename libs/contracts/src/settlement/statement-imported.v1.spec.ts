import { parseMessage } from '../core/schema-violation.error';
import { settlementStatementImportedV1 } from './statement-imported.v1';

const imported = {
  importId: '0b7c6a52-6f1e-4c57-9a55-1f0f1e3a9b10',
  statementId: '6c1f3f0e-8a43-4d7e-b3a4-2f5b0d1e9c21',
  bankAccountId: 'postfinance-chf',
  accountMasked: '****4239',
  format: 'camt053',
  currency: 'CHF',
  sequenceNumber: 118,
  opening: { amountMinor: '21199319', date: '2020-11-24' },
  closing: { amountMinor: '-2700', date: '2020-11-24' },
  entryCount: 5,
  creditMinor: '1537000',
  debitMinor: '0',
  importedAt: '2026-12-07T04:00:00.000Z',
};

describe(settlementStatementImportedV1.name, () => {
  it('carries balances (an overdrawn one too) as exact decimal text', () => {
    expect(parseMessage(settlementStatementImportedV1.name, settlementStatementImportedV1.schema, imported)).toEqual(imported);
  });

  it('takes a notification without balances', () => {
    const notification = { ...imported, format: 'camt054', opening: null, closing: null, sequenceNumber: null };
    expect(parseMessage(settlementStatementImportedV1.name, settlementStatementImportedV1.schema, notification)).toEqual(notification);
  });

  it.each([
    ['accountMasked', { accountMasked: 'CH2909000000250094239' }],
    ['closing.amountMinor', { closing: { amountMinor: '-27.00', date: '2020-11-24' } }],
    ['debitMinor', { debitMinor: '-1' }],
    ['format', { format: 'pain001' }],
  ])('refuses a bad %s, naming it', (field, change) => {
    expect(() => parseMessage(settlementStatementImportedV1.name, settlementStatementImportedV1.schema, { ...imported, ...change })).toThrow(field);
  });
});
