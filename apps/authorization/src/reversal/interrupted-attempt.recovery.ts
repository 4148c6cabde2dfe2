import { Inject, Injectable, Logger } from '@nestjs/common';

import type { AuthorizationEnv } from '../config/authorization-env';
import { AUTHORIZATION_ENV } from '../config/authorization-env.provider';

import { JournalRepository } from '../journal/journal.repository';
import { OriginalRepository } from '../operation/original.repository';
import { OutcomeRecorder } from '../operation/outcome.recorder';

const BATCH = 50;

/** Which of the two reads a pass makes; the worker's probe says which can find anything. */
export interface RecoveryDue {
  readonly stalePending: boolean;
  readonly lapsedPreauthorizations: boolean;
}

const EVERYTHING: RecoveryDue = { stalePending: true, lapsedPreauthorizations: true };

/**
 * What a stopped process left behind (killed between the host's answer and the journal, or
 * before the host was asked), and preauthorizations that lapsed. An attempt that reached the
 * host is unknown and reversed; one that never left is failed and releases what it reserved;
 * a lapsed preauthorization is expired and its hold released by a reversal.
 */
@Injectable()
export class InterruptedAttemptRecovery {
  private readonly logger = new Logger(InterruptedAttemptRecovery.name);

  constructor(
    private readonly journal: JournalRepository,
    private readonly outcomes: OutcomeRecorder,
    private readonly originals: OriginalRepository,
    @Inject(AUTHORIZATION_ENV) private readonly env: AuthorizationEnv,
  ) {}

  /** Older than this, no live process can still be waiting for the host or antifraud. */
  get staleAfterMs(): number {
    return this.env.AUTHORIZATION_HOST_TIMEOUT_MS + this.env.AUTHORIZATION_ANTIFRAUD_TIMEOUT_MS + 5_000;
  }

  /** Pending attempts last changed before this, at `now`, are stale. */
  staleBefore(now: Date): Date {
    return new Date(now.getTime() - this.staleAfterMs);
  }

  /** Recovers what is due; returns how many rows it closed (each may have queued a reversal). */
  async runOnce(now = new Date(), due: RecoveryDue = EVERYTHING): Promise<number> {
    const stale = due.stalePending ? await this.journal.findStalePending(this.staleBefore(now), BATCH) : [];
    for (const row of stale) {
      if (row.hostSentAt) {
        const reason = `interrupted after the request went to the host (${row.hostMti ?? 'request'} STAN ${row.stan ?? '?'}); outcome unknown, reversal queued`;
        await this.outcomes.decline(row.id, { status: 'unknown', responseCode: '91', reason }, { reason });
        this.logger.warn(`transaction ${row.id}: ${reason}`);
      } else {
        const reason = 'interrupted before the host was asked; nothing was sent';
        await this.outcomes.decline(row.id, { status: 'failed', responseCode: '96', reason }, undefined, (tx, r) => this.originals.release(tx, r));
        this.logger.warn(`transaction ${row.id}: ${reason}`);
      }
    }
    const lapsed = due.lapsedPreauthorizations ? await this.journal.findLapsedPreauthorizations(now, BATCH) : [];
    for (const preauth of lapsed) {
      const reason = `preauthorization expired at ${preauth.expiresAt!.toISOString()} without completion; hold released by reversal`;
      await this.outcomes.finalize(
        preauth.id,
        { status: 'expired', responseCode: preauth.responseCode ?? '00', reason },
        () => undefined,
        { reason },
        undefined,
        'approved',
      );
      this.logger.log(`preauthorization ${preauth.id} expired; reversal queued`);
    }
    return stale.length + lapsed.length;
  }
}
