import { refusalOf } from '@payments/runtime';

import { CreatePurchaseDto } from './create-purchase.dto';

const card = { bdkId: 'test-bdk', ksn: 'FFFF9876543210E00001', ciphertext: '0011223344556677' };
const valid = { amount: 1250, currency: 'EUR', card, entryMode: 'chip' };

async function messagesOf(body: unknown): Promise<string[] | undefined> {
  return (await refusalOf(CreatePurchaseDto, body))?.message;
}

describe(CreatePurchaseDto.name, () => {
  it('takes a complete purchase', async () => {
    await expect(messagesOf(valid)).resolves.toBeUndefined();
  });

  it('refuses a purchase without card, naming the field and what it takes', async () => {
    await expect(messagesOf({ amount: 1250, currency: 'EUR' })).resolves.toEqual(['card: card is required (an object with bdkId, ksn and ciphertext)']);
  });

  it('refuses a card that is not an object with one message', async () => {
    await expect(messagesOf({ ...valid, card: 'FFFF' })).resolves.toEqual(['card: card must be an object with bdkId, ksn and ciphertext']);
    await expect(messagesOf({ ...valid, card: null })).resolves.toEqual(['card: card is required (an object with bdkId, ksn and ciphertext)']);
  });

  it('answers a string amount with one message saying an integer is expected', async () => {
    await expect(messagesOf({ ...valid, amount: '1250' })).resolves.toEqual([
      'amount: amount must be an integer number of minor units (a JSON number such as 1250)',
    ]);
    await expect(messagesOf({ ...valid, amount: 12.5 })).resolves.toEqual([
      'amount: amount must be an integer number of minor units (a JSON number such as 1250)',
    ]);
  });

  it('tells a missing amount from a wrong one, and names the range', async () => {
    await expect(messagesOf({ currency: 'EUR', card })).resolves.toEqual(['amount: amount is required (an integer number of minor units)']);
    await expect(messagesOf({ ...valid, amount: 0 })).resolves.toEqual(['amount: amount must be at least 1 minor unit']);
    await expect(messagesOf({ ...valid, amount: 1_000_000_000_000 })).resolves.toEqual(['amount: amount must not exceed 12 digits (ISO 8583 field 4)']);
  });

  it('names each bad field once, nested ones by their path', async () => {
    const refusal = await refusalOf(CreatePurchaseDto, { amount: 'x', currency: 42, card: { ksn: 'ffff9876543210e00001', ciphertext: 7 } });
    expect(refusal?.message).toEqual([
      'amount: amount must be an integer number of minor units (a JSON number such as 1250)',
      'currency: currency must be a string, an ISO 4217 alphabetic code such as EUR',
      'card.bdkId: bdkId is required (the id of the base derivation key)',
      'card.ksn: ksn must be 20 (TDES DUKPT) or 24 (AES DUKPT) uppercase hex digits',
      'card.ciphertext: ciphertext must be a string of uppercase hex',
    ]);
    expect(refusal?.fields.map((f) => f.field)).toEqual(['amount', 'currency', 'card.bdkId', 'card.ksn', 'card.ciphertext']);
  });

  it('refuses an unknown entry mode and an unknown field', async () => {
    await expect(messagesOf({ ...valid, entryMode: 'swipe' })).resolves.toEqual([
      'entryMode: entryMode must be one of the following values: chip, contactless, magstripe',
    ]);
    await expect(messagesOf({ ...valid, pan: '4761739001010010' })).resolves.toEqual(['pan: property pan should not exist']);
  });

  it('takes an online PIN (format 0 or 4, the KSN optional, 20 or 24 hex digits) and names each bad part of one', async () => {
    await expect(messagesOf({ ...valid, pin: { pinBlock: '1B9C1845EB993A7A', format: 0 } })).resolves.toBeUndefined();
    await expect(messagesOf({ ...valid, pin: { pinBlock: '1b9c1845eb993a7a', format: 0, ksn: 'FFFF9876543210E00001' } })).resolves.toBeUndefined();
    await expect(
      messagesOf({ ...valid, pin: { pinBlock: 'A912150391AB65A67E52883D81CE2D15', format: 4, ksn: '123456789012345600000001' } }),
    ).resolves.toBeUndefined();
    const refusal = await refusalOf(CreatePurchaseDto, { ...valid, pin: { pinBlock: '1B9C1845EB993A7', format: 1, ksn: 'ffff' } });
    expect(refusal?.message).toEqual([
      'pin.pinBlock: pinBlock must be 16 hex digits (ISO 9564 format 0) or 32 (format 4)',
      'pin.format: format must be 0 (ISO 9564 format 0, TDES DUKPT) or 4 (format 4, AES DUKPT)',
      'pin.ksn: ksn must be 20 (TDES DUKPT) or 24 (AES DUKPT) uppercase hex digits',
    ]);
    await expect(messagesOf({ ...valid, pin: '1234' })).resolves.toEqual(['pin: pin must be an object with pinBlock and format']);
    await expect(messagesOf({ ...valid, pin: {} })).resolves.toEqual([
      'pin.pinBlock: pinBlock is required (16 or 32 hex digits)',
      'pin.format: format is required (0 or 4, the ISO 9564 format)',
    ]);
  });

  it('refuses a body that is not an object, naming the required fields', async () => {
    await expect(messagesOf([1])).resolves.toContain('amount: amount is required (an integer number of minor units)');
    await expect(messagesOf(null)).resolves.toContain('card: card is required (an object with bdkId, ksn and ciphertext)');
  });
});
