import { Injectable } from '@nestjs/common';

import type { AuthorizeRequest } from '@payments/contracts';

import type { CardReading, CardSource, StoredCard } from '../operation/ports/card-source.port';
import { CardReaderService, UnreadableCardError } from './card-reader.service';

/** The PIN pad's DUKPT block as the core's card source; an original's PAN from the vault. */
@Injectable()
export class PinPadCardSource implements CardSource {
  constructor(private readonly reader: CardReaderService) {}

  read(request: AuthorizeRequest): Promise<CardReading> {
    try {
      return Promise.resolve({ ok: true, card: this.reader.read(request.card) });
    } catch (error) {
      if (!(error instanceof UnreadableCardError)) return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      return Promise.resolve({ ok: false, responseCode: error.responseCode, reason: error.message });
    }
  }

  panOf(stored: StoredCard): string {
    return this.reader.vault.decrypt({ keyId: stored.panKeyId, ciphertext: stored.panCiphertext });
  }
}
