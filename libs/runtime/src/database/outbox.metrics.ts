import type { OutboxRelay } from '@payments/messaging';
import { getOrCreateGauge } from '@payments/observability';

/**
 * outbox_backlog{service} (rows written but not yet published) and outbox_oldest_age_seconds{service}
 * (how long the oldest of them has waited, 0 when none): a backlog that only grows, or an age past
 * a few minutes, is a relay that is stuck (the OutboxStuck alert).
 */
export class OutboxMetrics {
  private readonly backlog = getOrCreateGauge('outbox_backlog', 'Outbox messages written but not yet published.', ['service']);
  private readonly oldestAge = getOrCreateGauge('outbox_oldest_age_seconds', 'Age in seconds of the oldest outbox message not yet published (0 when none).', [
    'service',
  ]);

  constructor(private readonly app: string) {}

  /** Reads the relay's pending rows once; a failed read leaves the last figures. */
  async report(relay: Pick<OutboxRelay, 'pending'>): Promise<void> {
    const { count, oldestAgeSeconds } = await relay.pending();
    this.backlog.set({ service: this.app }, count);
    this.oldestAge.set({ service: this.app }, oldestAgeSeconds);
  }
}
