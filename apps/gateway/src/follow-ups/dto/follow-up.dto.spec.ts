import { refusalOf } from '@payments/runtime';

import { FollowUpAmountDto, FollowUpDto } from './follow-up.dto';

async function messagesOf(body: unknown): Promise<string[] | undefined> {
  return (await refusalOf(FollowUpDto, body))?.message;
}

describe(FollowUpDto.name, () => {
  it('takes an original by id or by receipt, with or without an amount', async () => {
    await expect(messagesOf({ originalTransactionId: '0b3c1c52-6f0e-4a8e-9f3b-2f6a1d2c3b4a' })).resolves.toBeUndefined();
    await expect(messagesOf({ approvalCode: '000123', rrn: '633410000001', amount: 500, currency: 'EUR' })).resolves.toBeUndefined();
  });

  it('answers a string amount with one message saying an integer is expected', async () => {
    await expect(messagesOf({ amount: '500' })).resolves.toEqual(['amount: amount must be an integer number of minor units (a JSON number such as 500)']);
    await expect(messagesOf({ amount: 0 })).resolves.toEqual(['amount: amount must be at least 1 minor unit']);
  });

  it('names each wrongly typed reference field and what it takes', async () => {
    await expect(messagesOf({ originalTransactionId: 42, approvalCode: 123456, rrn: true, currency: 978 })).resolves.toEqual([
      'originalTransactionId: originalTransactionId must be a UUID',
      'approvalCode: approvalCode must be a string of 1-6 letters or digits',
      'rrn: rrn must be a string of 1-12 letters or digits',
      'currency: currency must be a string, an ISO 4217 alphabetic code such as EUR',
    ]);
  });

  it('refuses a reference of the wrong shape', async () => {
    await expect(messagesOf({ approvalCode: '1234567', rrn: 'x'.repeat(13) })).resolves.toEqual([
      'approvalCode: approvalCode must be 1-6 letters or digits',
      'rrn: rrn must be 1-12 letters or digits',
    ]);
  });
});

describe(FollowUpAmountDto.name, () => {
  it('refuses the reference fields a completion does not take', async () => {
    await expect(refusalOf(FollowUpAmountDto, { rrn: '633410000001' })).resolves.toMatchObject({ message: ['rrn: property rrn should not exist'] });
  });
});
