import type { CreditTransfer, CreditTransferOrder } from './credit-transfer-order.model';

const debtor = { name: 'Payments Platform s.r.o.', iban: 'CZ6508000000192000145399', bic: 'GIBACZPX' };

/** A transfer to a merchant, with what a test changes. */
export function creditTransfer(change: Partial<CreditTransfer> = {}): CreditTransfer {
  return {
    endToEndId: 'PO4F1C2A9B0D3E4F5A6B7C8D9E0F1A2B3C',
    amountMinor: 123_456n,
    currency: 'EUR',
    debtor,
    creditor: { name: 'Cafe Svejk & Sons', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
    requestedExecutionDate: '2026-12-02',
    remittanceInfo: 'payout business day 2026-12-01 batch 5d1c2f0e-8a4b-4c3e-9f1d-2b6a7c8d9e01',
    ...change,
  };
}

export function creditTransferOrder(transfers: CreditTransfer[] = [creditTransfer()]): CreditTransferOrder {
  return { messageId: 'PAYOUT-20261201-000001', createdAt: new Date('2026-12-02T00:05:00.000Z'), initiatingPartyName: 'Payments Platform', transfers };
}
