import { Injectable } from '@nestjs/common';

import type { AuthorizeRequest } from '@payments/contracts';

import type { CardReading, CardSource, StoredCard } from '../operation/ports/card-source.port';
import { PinPadAdmission } from '../pin-pad-registry/pin-pad-admission';
import { CardReaderService, UnreadableCardError } from './card-reader.service';

/**
 * The PIN pad's DUKPT block as the core's card source (from a registered pad of the register, with
 * a fresh KSN: the registry's admission); an original's PAN from the vault.
 */
@Injectable()
export class PinPadCardSource implements CardSource {
  constructor(
    private readonly reader: CardReaderService,
    private readonly admission: PinPadAdmission,
  ) {}

  async read(request: AuthorizeRequest, options: { readonly resumed?: boolean } = {}): Promise<CardReading> {
    let card;
    try {
      card = this.reader.read(request.card);
    } catch (error) {
      if (!(error instanceof UnreadableCardError)) throw error;
      return { ok: false, responseCode: error.responseCode, reason: error.message };
    }
    // Only a block that decrypts takes the pad's counter: a forged block cannot push it ahead.
    if (!options.resumed) {
      const refusal = await this.admission.check(request);
      if (refusal) return { ok: false, ...refusal };
    }
    return { ok: true, card };
  }

  panOf(stored: StoredCard): string {
    return this.reader.vault.decrypt({ keyId: stored.panKeyId, ciphertext: stored.panCiphertext });
  }
}
