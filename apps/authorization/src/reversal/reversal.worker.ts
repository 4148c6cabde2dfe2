import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

import type { Iso8583Message } from '@payments/iso8583';
import { PassScheduler } from '@payments/runtime';

import { AcquirerClient } from '../acquirer/acquirer.client';
import { buildReversalRequest } from '../acquirer/host-request.builder';
import { originalRequestOf } from '../acquirer/original-request.mapper';
import { APPROVED } from '../acquirer/response-codes';
import { CardReaderService } from '../card-operation/card-reader.service';
import type { AuthorizationEnv } from '../config/authorization-env';
import { AUTHORIZATION_ENV } from '../config/authorization-env.provider';
import { OperationRepository } from '../operation/operation.repository';
import { OriginalRepository } from '../operation/original.repository';
import { OutcomeRecorder } from '../operation/outcome.recorder';
import type { Transaction } from '../generated/prisma/client';
import { isCancelOperation } from '../operations/operation-profile';
import { InterruptedAttemptRecovery } from './interrupted-attempt.recovery';
import { ClaimedReversal, ReversalRepository } from './reversal.repository';
import { reversedEventOf } from './reversed-event.mapper';

const LEASE_MS = 60_000;
/**
 * The longest gap between two passes. An outcome this process records wakes the worker within a
 * second (it may have queued a reversal), and each pass sleeps until the first of what waits
 * falls due (a pending attempt going stale, a hold lapsing, a retry); only what another instance
 * wrote after the last pass waits for this.
 */
const SAFETY_MS = 30_000;

/**
 * Store and forward until the host acknowledges: an unknown operation is reversed (0400 first,
 * 0420 advices after); an unknown cancel is repeated as a 0420 advice. Backoff doubles per
 * attempt up to 64 x the base delay. Survives restarts: the queue is a table, and each pass
 * first recovers what a stopped process left pending. Idle, it asks the database nothing until
 * something falls due.
 */
@Injectable()
export class ReversalWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReversalWorker.name);
  private readonly passes: PassScheduler;
  private readonly passMs: number;
  private running?: Promise<Date | undefined>;

  constructor(
    private readonly queue: ReversalRepository,
    private readonly operations: OperationRepository,
    private readonly originals: OriginalRepository,
    private readonly recovery: InterruptedAttemptRecovery,
    private readonly acquirer: AcquirerClient,
    private readonly cards: CardReaderService,
    private readonly outcomes: OutcomeRecorder,
    @Inject(AUTHORIZATION_ENV) private readonly env: AuthorizationEnv,
  ) {
    this.passMs = Math.min(env.AUTHORIZATION_REVERSAL_RETRY_MS, 1_000);
    this.passes = new PassScheduler(() => this.runOnce(), { minGapMs: this.passMs, maxGapMs: SAFETY_MS });
  }

  onApplicationBootstrap(): void {
    this.outcomes.onRecorded(() => this.passes.wakeBy());
    this.passes.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.passes.stop();
    await this.running;
  }

  /** One pass: recover interrupted attempts, then try the due reversals; resolves when done, to when the next is due. */
  runOnce(): Promise<Date | undefined> {
    this.running ??= this.drain()
      .catch((error: unknown) => {
        this.logger.error(`reversal pass failed: ${error instanceof Error ? error.message : String(error)}`);
        return new Date(Date.now() + this.passMs);
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * One statement asks what is due; nothing due (the idle platform) ends the pass there, to
   * sleep until the first waiting row falls due. A reversal the recovery queued is sent in the
   * same pass; after work, the next pass looks again at the usual gap (retries, what is left).
   */
  private async drain(): Promise<Date | undefined> {
    const now = new Date();
    const due = await this.queue.dueWork(this.recovery.staleBefore(now), now);
    const recovered = due.stalePending || due.lapsedPreauthorizations ? await this.recovery.runOnce(now, due) : 0;
    if (!due.reversals && recovered === 0) return due.nextDueAt ?? undefined;
    const claimed = await this.queue.claimDue(20, LEASE_MS);
    for (const reversal of claimed) await this.send(reversal);
    return new Date(Date.now() + this.passMs);
  }

  private async send({ transaction: t, attempt }: ClaimedReversal): Promise<void> {
    try {
      const repeatsCancel = isCancelOperation(t.operation);
      // The acquirer the operation went to; a cancel's row carries its original's.
      const acquirerId = this.acquirer.acquirerOf(t);
      const stan = (await this.acquirer.nextReferenceFor(acquirerId, new Date())).stan;
      const request = repeatsCancel ? await this.cancelAdvice(t, stan) : this.reversalOf(t, stan, attempt > 1);
      const response = await this.acquirer.sendTo(acquirerId, request);
      const code = response.fields[39] ?? APPROVED;
      if (repeatsCancel) await this.acknowledgeCancel(t, code, attempt);
      else await this.acknowledgeReversal(t, code, attempt);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const delay = this.env.AUTHORIZATION_REVERSAL_RETRY_MS * 2 ** Math.min(attempt - 1, 6);
      await this.queue.retryLater(t.id, message, delay);
      this.logger.warn(`store and forward of ${t.id} failed (attempt ${attempt}): ${message}; next in ${delay} ms`);
    }
  }

  private reversalOf(t: Transaction, stan: string, repeat: boolean): Iso8583Message {
    const original = t.panKeyId && t.panCiphertext ? originalRequestOf(t, this.cards.vault.decrypt({ keyId: t.panKeyId, ciphertext: t.panCiphertext })) : null;
    if (!original) throw new Error('journal row lacks the host reference');
    return buildReversalRequest(original, stan, { repeat }, new Date());
  }

  /** The cancel again, as an advice: same original, same remaining amount (its reservation still holds). */
  private async cancelAdvice(cancel: Transaction, stan: string): Promise<Iso8583Message> {
    const original = cancel.originalId ? await this.operations.findById(cancel.originalId) : null;
    const request =
      original?.panKeyId && original.panCiphertext
        ? originalRequestOf(original, this.cards.vault.decrypt({ keyId: original.panKeyId, ciphertext: original.panCiphertext }))
        : null;
    if (!original || !request) throw new Error('the cancelled original lacks its host reference');
    return buildReversalRequest(request, stan, { repeat: true, remainingMinor: original.amountMinor - original.returnedMinor }, new Date());
  }

  private async acknowledgeReversal(t: Transaction, code: string, attempt: number): Promise<void> {
    const status = t.status === 'expired' ? 'expired' : 'reversed';
    const done = await this.queue.acknowledge(t.id, code, status, `reversal acknowledged by host (${code}), attempt ${attempt}`, async (tx, row) => {
      await this.originals.release(tx, row);
      await this.queue.reinstateOriginal(tx, row);
      // Only an approval that went out as authorized (one the register then never saw) is taken back out.
      if (await this.operations.wasAuthorized(tx, row.id))
        await this.operations.addEvent(tx, reversedEventOf(row, code, t.statusReason ?? 'reversed', new Date()));
    });
    if (done) this.logger.log(`transaction ${t.id} reversed (attempt ${attempt})`);
  }

  private async acknowledgeCancel(cancel: Transaction, code: string, attempt: number): Promise<void> {
    if (code === APPROVED) {
      await this.queue.acknowledge(cancel.id, code, 'approved', `cancel advice acknowledged by host, attempt ${attempt}`, (tx, row) =>
        this.originals.settleOriginal(tx, row),
      );
    } else {
      await this.queue.acknowledge(cancel.id, code, 'declined', `host refused the cancel advice with ${code}`, (tx, row) => this.originals.release(tx, row));
    }
    this.logger.log(`cancel ${cancel.id} delivered by advice (attempt ${attempt}, ${code})`);
  }
}
