import { BadRequestException } from '@nestjs/common';

import { createValidationPipe } from '@payments/runtime';

import { canonicalJson } from '../../idempotency/idempotency.service';
import { CreatePurchaseDto } from '../../operations/dto/create-purchase.dto';
import { PurchaseRequestMessage } from '../terminal.messages';
import { cardPaymentDtoOf as purchaseDtoOf } from '../terminal-message.mapper';

const CARD = { bdkId: 'test-bdk', ksn: 'FFFF9876543210E00001', ciphertext: '0123456789ABCDEF' };
const request = (change: Partial<PurchaseRequestMessage> = {}): PurchaseRequestMessage => ({
  amount: { amountMinor: '1250', currency: 'EUR' },
  card: CARD,
  entryMode: 'ENTRY_MODE_UNSPECIFIED',
  ...change,
});

/** The REST ValidationPipe, as the adapter runs it: resolves to the DTO or rejects with the 400 body. */
async function validate(body: object): Promise<{ dto?: CreatePurchaseDto; messages?: string[] }> {
  try {
    return { dto: (await createValidationPipe().transform(body, { type: 'body', metatype: CreatePurchaseDto })) as CreatePurchaseDto };
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return { messages: (error.getResponse() as { message: string[] }).message };
  }
}

describe('PurchaseRequest as the REST purchase body', () => {
  it('carries amount, currency, card and entry mode over as POST /v1/purchases has them', async () => {
    const body = purchaseDtoOf(request({ entryMode: 'ENTRY_MODE_CONTACTLESS' }));

    expect(body).toEqual({ amount: 1250, currency: 'EUR', card: CARD, entryMode: 'contactless' });
    expect((await validate(body)).dto).toBeInstanceOf(CreatePurchaseDto);
  });

  it('leaves an unspecified entry mode out, so the same purchase hashes alike over REST and gRPC (one idempotency key, either protocol)', () => {
    const rest = { amount: 1250, currency: 'EUR', card: CARD };
    expect(canonicalJson(purchaseDtoOf(request()))).toBe(canonicalJson(rest));
  });

  it('reads an unset amount and card as missing, and validation says each is required, once', async () => {
    const { messages } = await validate(purchaseDtoOf(request({ amount: null, card: null })));

    expect(messages).toEqual([
      'amount: amount is required (an integer number of minor units)',
      'currency: currency is required (an ISO 4217 alphabetic code such as EUR)',
      'card: card is required (an object with bdkId, ksn and ciphertext)',
    ]);
  });

  it('names the empty fields of a card that is set', async () => {
    const { messages } = await validate(purchaseDtoOf(request({ card: { bdkId: '', ksn: '', ciphertext: '' } })));

    expect(messages).toEqual([
      'card.bdkId: bdkId must be 1-32 characters',
      'card.ksn: ksn must be 20 (TDES DUKPT) or 24 (AES DUKPT) uppercase hex digits',
      'card.ciphertext: ciphertext must be uppercase hex in whole 8-byte blocks',
    ]);
  });

  it('refuses an int64 amount above the 12 digits of ISO 8583 field 4 rather than rounding it', async () => {
    const { messages } = await validate(purchaseDtoOf(request({ amount: { amountMinor: '9007199254740993', currency: 'EUR' } })));
    expect(messages).toEqual(['amount: amount must not exceed 12 digits (ISO 8583 field 4)']);
  });

  it('refuses a negative amount and an entry mode this server does not know, naming the field', async () => {
    expect((await validate(purchaseDtoOf(request({ amount: { amountMinor: '-5', currency: 'EUR' } })))).messages).toEqual([
      'amount: amount must be at least 1 minor unit',
    ]);
    expect((await validate(purchaseDtoOf(request({ entryMode: 7 })))).messages).toEqual([
      expect.stringMatching(/^entryMode: entryMode must be one of the following values: chip, contactless, magstripe/),
    ]);
  });
});
