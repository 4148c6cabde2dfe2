import type { AuthorizeRequest, EncryptedCardData } from '@payments/contracts';

import type { CardReading, CardSource, SourcedCard, StoredCard } from '../ports/card-source.port';

/** The "encrypted block" the fake reads: the PAN in clear, so a test names its card. */
export const fakeCardBlock = (pan: string): EncryptedCardData => ({ bdkId: 'fake', ksn: 'FFFF0000000000000001', ciphertext: pan });

/** A block the fake cannot read (as a block under an unknown key would be). */
export const UNREADABLE_BLOCK: EncryptedCardData = { bdkId: 'fake', ksn: 'FFFF0000000000000001', ciphertext: 'unreadable' };

/** A card source without keys: the block's ciphertext is the PAN; the "vault" prefixes it. */
export class FakeCardSource implements CardSource {
  readonly reads: string[] = [];

  read(request: AuthorizeRequest): Promise<CardReading> {
    const pan = request.card.ciphertext;
    this.reads.push(request.transactionId);
    if (!/^[0-9]{12,19}$/.test(pan)) return Promise.resolve({ ok: false, responseCode: '30', reason: 'card data does not decrypt to track 2 data' });
    return Promise.resolve({ ok: true, card: fakeCard(pan) });
  }

  panOf(stored: StoredCard): string {
    return stored.panCiphertext.replace(/^enc:/, '');
  }
}

export function fakeCard(pan: string): SourcedCard {
  return {
    pan,
    track2: `${pan}=29121010000000000000`,
    expiry: '2912',
    token: `tok_${pan.slice(0, 6)}${pan.slice(-4)}`,
    maskedPan: `${pan.slice(0, 6)}${'*'.repeat(pan.length - 10)}${pan.slice(-4)}`,
    scheme: pan.startsWith('4') ? 'visa' : 'mastercard',
    panKeyId: 'fake-kek',
    panCiphertext: `enc:${pan}`,
  };
}
