import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';

import { getOrCreateCollectedGauge } from '@payments/observability';

import { AUTHORIZATION_DB, type AuthorizationDb } from '../database/authorization-db.provider';

/** Both gauges are read at one scrape: one query serves them (and any scrape within this window). */
const REUSE_MS = 5_000;

interface QueueFigures {
  readonly depth: number;
  readonly oldestAgeSeconds: number;
}

/**
 * The store-and-forward queue as Prometheus sees it at each scrape:
 * authorization_reversal_queue_depth (reversals the host has not acknowledged yet) and
 * authorization_reversal_oldest_age_seconds (how long the oldest of them has waited, 0 when none).
 * A scrape while the database is unreachable keeps the last figures rather than failing /metrics.
 */
@Injectable()
export class ReversalQueueMetrics implements OnModuleInit {
  private last: QueueFigures = { depth: 0, oldestAgeSeconds: 0 };
  private read?: { at: number; figures: Promise<QueueFigures> };

  constructor(@Inject(AUTHORIZATION_DB) private readonly db: AuthorizationDb) {}

  onModuleInit(): void {
    getOrCreateCollectedGauge('authorization_reversal_queue_depth', 'Reversals queued and not yet acknowledged by the acquirer host.', [], async (gauge) =>
      gauge.set((await this.figures()).depth),
    );
    getOrCreateCollectedGauge(
      'authorization_reversal_oldest_age_seconds',
      'Age in seconds of the oldest reversal not yet acknowledged (0 when none).',
      [],
      async (gauge) => gauge.set((await this.figures()).oldestAgeSeconds),
    );
  }

  private figures(): Promise<QueueFigures> {
    if (this.read && Date.now() - this.read.at < REUSE_MS) return this.read.figures;
    const figures = this.query().then(
      (read) => (this.last = read),
      () => this.last,
    );
    this.read = { at: Date.now(), figures };
    return figures;
  }

  private async query(): Promise<QueueFigures> {
    const pending = await this.db.reversal.aggregate({ where: { status: 'pending' }, _count: { _all: true }, _min: { createdAt: true } });
    const oldest = pending._min.createdAt;
    return { depth: pending._count._all, oldestAgeSeconds: oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0 };
  }
}
