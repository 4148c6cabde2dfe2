import { refusalOf } from '@payments/runtime';

import { CardInquiryDto } from './card-inquiry.dto';

const card = { bdkId: 'test-bdk', ksn: 'FFFF9876543210E00001', ciphertext: '0011223344556677' };

describe(CardInquiryDto.name, () => {
  it('takes the card and the currency, without an amount', async () => {
    await expect(refusalOf(CardInquiryDto, { currency: 'EUR', card })).resolves.toBeUndefined();
  });

  it('keeps the purchase rules: a missing card is named, not a server error', async () => {
    await expect(refusalOf(CardInquiryDto, { currency: 'EUR' })).resolves.toMatchObject({
      message: ['card: card is required (an object with bdkId, ksn and ciphertext)'],
    });
  });

  it('refuses an amount, which an inquiry has not', async () => {
    await expect(refusalOf(CardInquiryDto, { currency: 'EUR', card, amount: 100 })).resolves.toMatchObject({
      message: ['amount: property amount should not exist'],
    });
  });
});
