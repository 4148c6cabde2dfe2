import type { Iso8583Message } from '@payments/iso8583';

import { HostLink } from './host-link';
import { HostLinkDownError } from './host-link.errors';
import type { HostLinkOptions, HostLinkState } from './host-link.options';

/** The better of two link states for sending: an up link first, then one about to be up. */
const RANK: Record<HostLinkState, number> = { up: 3, signing_on: 2, connecting: 1, down: 0 };

/** The pool's state (the best of its links) and how many of them are up, on every link's change. */
export type HostLinkPoolStateListener = (state: HostLinkState, linksUp: number) => void;

/**
 * Several TCP links to one acquirer (a count per endpoint, several endpoints), each with its own
 * sign-on and echo keep-alive. Requests go round robin to the links that are up, so one lost link
 * does not stop the acquirer; when none is up, to one that is coming up (its send connects).
 * A request is never re-sent on another link once written: its outcome is the caller's to settle
 * (a 0200 that may have reached the host is reversed, not retried).
 */
export class HostLinkPool {
  private readonly links: readonly HostLink[];
  private turn = 0;
  private closing: Promise<void> | undefined;

  constructor(links: readonly HostLinkOptions[], onStateChange?: HostLinkPoolStateListener) {
    if (links.length === 0) throw new RangeError('a host link pool needs at least one link');
    let current: { state: HostLinkState; up: number } | undefined;
    const changed = (): void => {
      const next = { state: this.state(), up: this.linksUp() };
      if (current?.state === next.state && current.up === next.up) return;
      current = next;
      onStateChange?.(next.state, next.up);
    };
    this.links = links.map(
      (options) =>
        new HostLink({
          ...options,
          onStateChange: (state) => {
            options.onStateChange?.(state);
            changed();
          },
        }),
    );
  }

  get size(): number {
    return this.links.length;
  }

  /** The best state of any link: up while one link is. */
  state(): HostLinkState {
    return this.links.reduce<HostLinkState>((best, link) => (RANK[link.state()] > RANK[best] ? link.state() : best), 'down');
  }

  linkStates(): HostLinkState[] {
    return this.links.map((link) => link.state());
  }

  linksUp(): number {
    return this.links.filter((link) => link.state() === 'up').length;
  }

  /** Connects every link; resolves once one is up, rejects with the first failure when none comes up. */
  connect(): Promise<void> {
    return Promise.any(this.links.map((link) => link.connect())).catch((error: unknown) => {
      throw error instanceof AggregateError && error.errors[0] instanceof Error ? error.errors[0] : new HostLinkDownError(String(error));
    });
  }

  send(request: Iso8583Message): Promise<Iso8583Message> {
    return this.pick().send(request);
  }

  /**
   * Echo test (0800, DE 70 = 301) on every link that is up (on one coming up when none is): the
   * acquirer answers when one link does, with that link's latency; a link that stays silent is
   * dropped and reconnected by its own echo timeout. Rejects with the first failure when none answers.
   */
  echo(): Promise<{ latencyMs: number }> {
    const up = this.links.filter((link) => link.state() === 'up');
    const asked = up.length > 0 ? up : [this.pick()];
    return Promise.allSettled(asked.map((link) => link.echo())).then((results) => {
      const answered = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value.latencyMs] : []));
      if (answered.length > 0) return { latencyMs: Math.min(...answered) };
      throw (results.find((result) => result.status === 'rejected') as PromiseRejectedResult).reason;
    });
  }

  /** Closes every link once (each signs off on its own connection); later calls get the same promise. */
  close(): Promise<void> {
    this.closing ??= Promise.all(this.links.map((link) => link.close())).then(() => undefined);
    return this.closing;
  }

  /** Round robin over the links in the best state there is. */
  private pick(): HostLink {
    const best = RANK[this.state()];
    const candidates = this.links.filter((link) => RANK[link.state()] === best);
    this.turn = (this.turn + 1) % 1_000_000;
    return candidates[this.turn % candidates.length];
  }
}
