import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { PayoutFilesQueryDto } from './payout-files-query.dto';
import { PayoutsQueryDto } from './payouts-query.dto';

const errorsOf = (type: new () => object, query: Record<string, string>) =>
  validateSync(plainToInstance(type, query), { whitelist: true, forbidNonWhitelisted: true }).flatMap((e) => Object.values(e.constraints ?? {}));

describe(PayoutsQueryDto.name, () => {
  it('takes a day, a merchant, a status and a limit', () => {
    expect(errorsOf(PayoutsQueryDto, { businessDay: '2026-12-01', merchantId: 'M0000001', status: 'paid_with_difference', limit: '10' })).toEqual([]);
  });

  it.each([
    [{ status: 'late' }, 'status must be one of held, pending, sent, paid, paid_with_difference'],
    [{ merchantId: 'M-1' }, 'merchantId must be 1-15 letters or digits (ISO 8583 field 42)'],
    [{ businessDay: '2026-02-30' }, 'businessDay'],
  ])('refuses %j, naming the field', (query, message) => {
    expect(errorsOf(PayoutsQueryDto, query).join('; ')).toContain(message);
  });
});

describe(PayoutFilesQueryDto.name, () => {
  it('takes the file statuses only', () => {
    expect(errorsOf(PayoutFilesQueryDto, { status: 'delivered' })).toEqual([]);
    expect(errorsOf(PayoutFilesQueryDto, { status: 'paid' })).toEqual(['status must be one of pending, delivered, failed']);
  });
});
