import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

import { currencyByAlpha } from '@payments/money';

import { AcquirerClient } from '../acquirer/acquirer.client';
import { buildReversalRequest } from '../acquirer/purchase-request.builder';
import type { AuthorizationEnv } from '../config/authorization-env';
import { AUTHORIZATION_ENV } from '../config/authorization-env.provider';
import { CardReaderService } from '../purchase/card-reader.service';
import { ClaimedReversal, ReversalRepository } from './reversal.repository';

const LEASE_MS = 60_000;

/**
 * Sends queued reversals until the host acknowledges each one: 0400 first, 0420 advices after.
 * Backoff doubles per attempt up to 64 x the base delay. Survives restarts: the queue is a table.
 */
@Injectable()
export class ReversalWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReversalWorker.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly queue: ReversalRepository,
    private readonly acquirer: AcquirerClient,
    private readonly cards: CardReaderService,
    @Inject(AUTHORIZATION_ENV) private readonly env: AuthorizationEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce(), Math.min(this.env.AUTHORIZATION_REVERSAL_RETRY_MS, 1_000));
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass over the due reversals; returns when they have been tried. */
  runOnce(): Promise<void> {
    this.running ??= this.drain().finally(() => (this.running = undefined));
    return this.running;
  }

  private async drain(): Promise<void> {
    const due = await this.queue.claimDue(20, LEASE_MS);
    for (const reversal of due) await this.send(reversal);
  }

  private async send({ transaction: t, attempt }: ClaimedReversal): Promise<void> {
    try {
      if (!t.panKeyId || !t.panCiphertext || !t.stan || !t.rrn || !t.hostSentAt) throw new Error('journal row lacks the host reference');
      const now = new Date();
      const request = buildReversalRequest(
        {
          stan: t.stan,
          rrn: t.rrn,
          amountMinor: t.amountMinor,
          currencyNumeric: currencyByAlpha(t.currency).numeric,
          terminalId: t.terminalId,
          merchantId: t.merchantId,
          pan: this.cards.vault.decrypt({ keyId: t.panKeyId, ciphertext: t.panCiphertext }),
          sentAt: t.hostSentAt,
        },
        this.acquirer.nextReference(now).stan,
        attempt > 1,
        now,
      );
      const response = await this.acquirer.send(request);
      await this.queue.acknowledge(t.id, response.fields[39] ?? '00');
      this.logger.log(`transaction ${t.id} reversed (attempt ${attempt})`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const delay = this.env.AUTHORIZATION_REVERSAL_RETRY_MS * 2 ** Math.min(attempt - 1, 6);
      await this.queue.retryLater(t.id, message, delay);
      this.logger.warn(`reversal of ${t.id} failed (attempt ${attempt}): ${message}; next in ${delay} ms`);
    }
  }
}
