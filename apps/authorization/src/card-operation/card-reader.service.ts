import { Inject, Injectable } from '@nestjs/common';

import { detectScheme, formatTrack2, isLuhnValid, maskPan, Track2Data } from '@payments/card';
import type { EncryptedCardData } from '@payments/contracts';
import { CardDataDecryptor, CryptoInputError, hexToBytes, InMemoryBdkStore, KeyRing, PanVault } from '@payments/crypto';

import type { AuthorizationEnv } from '../config/authorization-env';
import { activeKekId } from '../config/authorization-env';
import { AUTHORIZATION_ENV } from '../config/authorization-env.provider';

export interface ReadCard {
  track2: string;
  /** In memory only, for routing: never journaled, logged or sent anywhere but the host (inside track 2). */
  pan: string;
  /** YYMM, as on the card (not card data under PCI DSS once the PAN is gone; shown by card_data). */
  expiry: string;
  token: string;
  maskedPan: string;
  scheme: string;
  panKeyId: string;
  panCiphertext: string;
}

/** The card as the server sees it; a reason that never contains card data (PCI DSS 3.3). */
export class UnreadableCardError extends Error {
  constructor(
    readonly responseCode: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'UnreadableCardError';
  }
}

/**
 * Decrypts the PIN pad's DUKPT block, TDES (X9.24-1) or AES (X9.24-3) as its BDK (the HSM's job; the device-bridge never sees clear data),
 * then tokenizes and encrypts the PAN for the journal. Track 2 lives only in memory.
 */
@Injectable()
export class CardReaderService {
  private readonly decryptor: CardDataDecryptor;
  readonly vault: PanVault;

  constructor(@Inject(AUTHORIZATION_ENV) env: AuthorizationEnv) {
    this.decryptor = new CardDataDecryptor(InMemoryBdkStore.fromConfig(env.CARD_BDKS, 'CARD_BDKS'));
    this.vault = new PanVault(hexToBytes(env.PAN_TOKEN_KEY, 'PAN_TOKEN_KEY', 32), KeyRing.fromConfig(env.PAN_KEKS, activeKekId(env.PAN_KEKS), 'PAN_KEKS'));
  }

  read(block: EncryptedCardData): ReadCard {
    let card: Track2Data;
    try {
      card = this.decryptor.decrypt(block);
    } catch (error) {
      // A KSN of the other DUKPT than its BDK's (TDES or AES) is said as such: it names only the
      // field, the BDK id and the schemes. Otherwise the reason is deliberately generic:
      // decryption errors must not hint at key or card data.
      if (error instanceof CryptoInputError && error.field === 'ksn') throw new UnreadableCardError('30', `card data not read: ${error.message}`);
      throw new UnreadableCardError('30', `card data does not decrypt to track 2 data under BDK ${block.bdkId} and KSN ${block.ksn}`);
    }
    const { pan } = card;
    const track2 = formatTrack2(card);
    if (!isLuhnValid(pan)) throw new UnreadableCardError('14', 'card number fails the Luhn check');
    const encrypted = this.vault.encrypt(pan);
    return {
      track2,
      pan,
      expiry: card.expiry,
      token: this.vault.tokenize(pan),
      maskedPan: maskPan(pan),
      scheme: detectScheme(pan),
      panKeyId: encrypted.keyId,
      panCiphertext: encrypted.ciphertext,
    };
  }
}
