import { getOrCreateCounter, getOrCreateGauge, getOrCreateHistogram } from '@payments/observability';

import { HostTimeoutError } from './host-link.errors';

import type { HostLinkPoolStateListener } from './host-link.pool';
import { HOST_LINK_STATES, type HostLinkState } from './host-link.options';

/**
 * Link metrics per acquirer: host_link_state{acquirer,state} is 1 for the current state and 0 for
 * the others, host_link_up{acquirer} 1 while up (one link of its pool is enough),
 * host_link_connections_up{acquirer} how many of its links are up, host_link_reconnects_total{acquirer}
 * counts connection attempts after the first while none of its links is up (retries after
 * failures, re-establishments after a loss), iso8583_lenient_fields_total{spec,field,rule} the
 * response fields a dialect let through leniently, host_link_round_trip_seconds{acquirer,outcome} the
 * time from a request sent to its response (answered), to the response timeout (timeout) or to
 * another failure such as a link down (failed).
 */
export class HostLinkMetrics {
  private readonly up = getOrCreateGauge('host_link_up', 'Whether the link to an acquirer host is up (1) or not (0).', ['acquirer']);
  private readonly state = getOrCreateGauge('host_link_state', 'State of the link to an acquirer host: 1 for the current state, 0 for the others.', [
    'acquirer',
    'state',
  ]);
  private readonly linksUp = getOrCreateGauge('host_link_connections_up', 'How many TCP links to an acquirer host are up.', ['acquirer']);
  private readonly reconnects = getOrCreateCounter('host_link_reconnects_total', 'Connection attempts to an acquirer host after the first one.', ['acquirer']);
  /** Response fields an acquirer's dialect let through leniently (labels: spec, field number or 'message', rule). */
  readonly lenientFields = getOrCreateCounter('iso8583_lenient_fields_total', 'Response fields read under a leniency rule of the acquirer dialect.', [
    'spec',
    'field',
    'rule',
  ]);

  private readonly roundTrip = getOrCreateHistogram(
    'host_link_round_trip_seconds',
    'Seconds from a request sent to an acquirer host to its response, by acquirer and outcome (answered, timeout, failed).',
    ['acquirer', 'outcome'],
    [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30],
  );

  /** Times one exchange with `acquirer`'s host. */
  async timeExchange<T>(acquirer: string, exchange: () => Promise<T>): Promise<T> {
    const stop = this.roundTrip.startTimer({ acquirer });
    try {
      const response = await exchange();
      stop({ outcome: 'answered' });
      return response;
    } catch (error) {
      stop({ outcome: error instanceof HostTimeoutError ? 'timeout' : 'failed' });
      throw error;
    }
  }

  /** Starts the acquirer's series at down / 0 reconnects; returns the state listener of its link pool. */
  track(acquirer: string): HostLinkPoolStateListener {
    let attempts = 0;
    this.reconnects.inc({ acquirer }, 0);
    this.record(acquirer, 'down');
    this.linksUp.set({ acquirer }, 0);
    let last: HostLinkState = 'down';
    return (state, linksUp) => {
      if (state === 'connecting' && state !== last && attempts++ > 0) this.reconnects.inc({ acquirer });
      last = state;
      this.record(acquirer, state);
      this.linksUp.set({ acquirer }, linksUp);
    };
  }

  private record(acquirer: string, current: HostLinkState): void {
    for (const state of HOST_LINK_STATES) this.state.set({ acquirer, state }, state === current ? 1 : 0);
    this.up.set({ acquirer }, current === 'up' ? 1 : 0);
  }
}
