import { Injectable } from '@nestjs/common';

import type { SettlementFile } from './settlement-file';
import { SettlementFileRepository } from './settlement-file.repository';
import { FileMismatchError, type SentFile, SettlementFileSender } from './settlement-file.sender';

export type ResendOutcome =
  | { readonly kind: 'not_found' }
  | { readonly kind: 'mismatch'; readonly message: string }
  /** Written, but the destination refused or did not answer: recorded as one more failed attempt. */
  | { readonly kind: 'delivery_failed'; readonly message: string }
  | { readonly kind: 'sent'; readonly file: SettlementFile; readonly sent: SentFile };

/**
 * An operator's re-send: the file is written again from the batch (same sequence, same moment,
 * same layout and values) and must come out with the SHA-256 recorded when it was sent, or
 * nothing is delivered. The same bytes are a no-op at a receiver that still has them.
 */
@Injectable()
export class ResendSettlementFileUseCase {
  constructor(
    private readonly files: SettlementFileRepository,
    private readonly sender: SettlementFileSender,
  ) {}

  async execute(fileId: string, now: Date): Promise<ResendOutcome> {
    const file = await this.files.findById(fileId);
    if (!file) return { kind: 'not_found' };
    try {
      const sent = await this.sender.send(file, now, file.written?.sha256);
      return { kind: 'sent', file: (await this.files.findById(fileId)) ?? file, sent };
    } catch (error) {
      if (error instanceof FileMismatchError) return { kind: 'mismatch', message: error.message };
      // A delivered file stays delivered; a pending one waits for the pass's next try as if the pass had failed.
      return { kind: 'delivery_failed', message: await this.sender.recordFailedAttempt(file, error, now) };
    }
  }
}
