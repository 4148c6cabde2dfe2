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

  async read(request: AuthorizeRequest): Promise<CardReading> {
    const refusal = await this.admission.check(request);
    if (refusal) return { ok: false, ...refusal };
    try {
      return { ok: true, card: this.reader.read(request.card) };
    } catch (error) {
      if (!(error instanceof UnreadableCardError)) throw error;
      return { ok: false, responseCode: error.responseCode, reason: error.message };
    }
  }

  panOf(stored: StoredCard): string {
    return this.reader.vault.decrypt({ keyId: stored.panKeyId, ciphertext: stored.panCiphertext });
  }
}
