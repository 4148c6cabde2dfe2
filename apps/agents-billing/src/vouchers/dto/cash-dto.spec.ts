import { refusalOf } from '@payments/runtime';

import { ChangeBalanceDto, ChangeMoveDto } from '../../change/dto/change.dto';
import { StockThresholdDto, VoucherBatchDto, VoucherSerialDto } from './voucher.dto';

const refusal = async (dto: Parameters<typeof refusalOf>[0], value: unknown) => (await refusalOf(dto, value))?.message;
const ID = '3f1c2a9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b';

describe('cash operator DTOs', () => {
  it('takes a batch as JSON or CSV and names each bad field, never echoing a code', async () => {
    await expect(refusal(VoucherBatchDto, { id: ID, providerId: 'topup-cz', denomination: 1000, currency: 'EUR', csv: 'S-1,CODE-1' })).resolves.toBeUndefined();
    await expect(
      refusal(VoucherBatchDto, {
        id: ID,
        providerId: 'topup-cz',
        denomination: 1000,
        currency: 'EUR',
        vouchers: [{ serial: 'S-1', code: 'CODE-1' }],
        expiresAt: '2027-06-30T23:59:59Z',
      }),
    ).resolves.toBeUndefined();
    const bad = await refusal(VoucherBatchDto, {
      id: 'x',
      providerId: 'top up',
      denomination: 10.5,
      currency: 'EUR',
      vouchers: [{ serial: 'S-1', code: 12345678 }],
      expiresAt: 'soon',
    });
    expect(bad).toEqual([
      'id: id must be a UUID',
      'providerId: providerId must be 1-64 letters, digits, dots, dashes or underscores',
      'denomination: denomination must be an integer number of minor units (a JSON number such as 1250)',
      'expiresAt: expiresAt must be an ISO 8601 date-time such as 2027-06-30T23:59:59Z',
      'vouchers.0.code: code must be a string',
    ]);
    expect(JSON.stringify(bad)).not.toContain('12345678');
  });

  it('names the field of a bad change move, balance query, serial or threshold', async () => {
    await expect(refusal(ChangeMoveDto, { id: ID, move: 'keep', phone: '+420777123456', amount: 730 })).resolves.toBeUndefined();
    await expect(refusal(ChangeMoveDto, { id: ID, move: 'borrow', phone: 420777123456, amount: 0 })).resolves.toEqual([
      'move: move must be one of keep, spend, pay-out',
      'phone: phone must be a string such as +420777123456',
      'amount: amount must be at least 1 minor unit',
    ]);
    await expect(refusal(ChangeBalanceDto, { phone: '+420777123456' })).resolves.toEqual([
      'currency: currency is required (an ISO 4217 alphabetic code such as EUR)',
    ]);
    await expect(refusal(VoucherSerialDto, { providerId: 'topup-cz' })).resolves.toEqual(['serial: serial is required']);
    await expect(refusal(StockThresholdDto, { providerId: 'topup-cz', denomination: 1000, currency: 'EUR', minimumAvailable: -1 })).resolves.toEqual([
      'minimumAvailable: minimumAvailable must be at least 0',
    ]);
  });
});
