import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit, Optional } from '@nestjs/common';

import type { Iso8583Message } from '@payments/iso8583';

import { AUTHORIZATION_DB, type AuthorizationDb } from '../database/authorization-db.provider';
import type { HostLinkPool } from '../host-link/host-link.pool';
import { HostLinkMetrics } from '../host-link/host-link.metrics';
import type { HostLinkState } from '../host-link/host-link.options';
import { HostSequenceRepository } from '../host-link/host-sequence.repository';
import { HOST_SEQUENCE_STORE, type HostSequenceStore } from '../host-link/host-sequence.store';
import { type HostReference, StanAllocator } from '../host-link/stan.allocator';
import { createAcquirerLinks } from './acquirer-links.factory';
import { defaultAcquirerOf } from './routing/acquirer-network.loader';
import type { AcquirerConfig, AcquirerNetwork } from './routing/acquirer-network.schema';
import { ACQUIRER_NETWORK } from './routing/acquirer-network.token';
import { AcquirerRouter, type RoutableCard } from './routing/acquirer.router';
import { UnknownAcquirerError } from './routing/unknown-acquirer.error';
import { TerminalLocalTime } from './terminal-local-time';

interface Acquirer {
  readonly config: AcquirerConfig;
  readonly links: HostLinkPool;
  readonly references: StanAllocator;
  readonly localTime: TerminalLocalTime;
}

/** STANs per database write; the next block is reserved when half of one is left (no wait under load). */
const STAN_BLOCK = { blockSize: 100, refillAt: 50 };

/**
 * The acquirer hosts, as configured (AUTHORIZATION_ACQUIRERS, or one "default" acquirer from the
 * single-acquirer variables): a pool of host links and a persistent STAN sequence each (RRNs from
 * one sequence shared by all), and the router that picks the acquirer of a card. Every exchange
 * names its acquirer: a card operation the routed one, everything that follows it (cancel, refund,
 * completion, reversal, totals) the one journaled on its row.
 */
@Injectable()
export class AcquirerClient implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AcquirerClient.name);
  private readonly acquirers = new Map<string, Acquirer>();
  private readonly router: AcquirerRouter;
  private readonly defaultId: string;
  private readonly metrics = new HostLinkMetrics();
  private closing = false;
  private shutdown: Promise<void> | undefined;

  constructor(
    @Inject(ACQUIRER_NETWORK) network: AcquirerNetwork,
    @Inject(AUTHORIZATION_DB) db: AuthorizationDb,
    @Optional() @Inject(HOST_SEQUENCE_STORE) store?: HostSequenceStore,
  ) {
    const sequences = store ?? new HostSequenceRepository(db);
    for (const config of network.acquirers) {
      const references = new StanAllocator(config.id, sequences, {
        ...STAN_BLOCK,
        onRefillError: (error) => this.logger.error(`acquirer ${config.id}: cannot reserve STANs: ${error.message}`),
      });
      const links = createAcquirerLinks(config, {
        logger: this.logger,
        references,
        onStateChange: this.metrics.track(config.id),
        closing: () => this.closing,
        leniencyMetric: this.metrics.lenientFields,
      });
      this.acquirers.set(config.id, { config, references, links, localTime: new TerminalLocalTime(config.timeZone, network.merchantTimeZones) });
    }
    this.router = new AcquirerRouter(network);
    this.defaultId = defaultAcquirerOf(network);
  }

  /** Reserves the first STAN/RRN blocks (so nextReference can answer at once), then connects every link. */
  async onModuleInit(): Promise<void> {
    await Promise.all([...this.acquirers.values()].map((acquirer) => acquirer.references.prime()));
    for (const { config, links } of this.acquirers.values()) {
      links.connect().catch((error: Error) => {
        if (!this.closing) this.logger.warn(`acquirer ${config.id}: ${error.message}; retrying in the background`);
      });
    }
  }

  /** Closes every link once, however many shutdown paths call it (one sign-off per link). */
  onApplicationShutdown(): Promise<void> {
    this.closing = true;
    this.shutdown ??= Promise.all([...this.acquirers.values()].map(({ links }) => links.close())).then(() => undefined);
    return this.shutdown;
  }

  acquirerIds(): string[] {
    return [...this.acquirers.keys()];
  }

  /** The acquirer of a card (first matching route); NoAcquirerRouteError names the BIN only. */
  route(card: RoutableCard): string {
    return this.router.route(card);
  }

  /** The acquirer a journaled row went to: its own, or the default one for rows journaled before routing. */
  acquirerOf(row: { acquirerId: string | null }): string {
    return row.acquirerId ?? this.defaultId;
  }

  /** STAN and RRN of `acquirerId`, waiting for a block reservation when needed. */
  nextReferenceFor(acquirerId: string, at: Date): Promise<HostReference> {
    return this.withAcquirer(acquirerId, ({ references }) => references.nextWhenReserved(at));
  }

  /** Sends over one of the acquirer's links that are up, with DE 12/13 in its terminals' local time (see TerminalLocalTime). */
  sendTo(acquirerId: string, request: Iso8583Message): Promise<Iso8583Message> {
    return this.withAcquirer(acquirerId, ({ links, localTime }) => this.metrics.timeExchange(acquirerId, () => links.send(localTime.stamp(request))));
  }

  /**
   * Echo test (0800, DE 70 = 301) to one acquirer (the default one when no id is given), over its
   * links that are up. The connection check asks every acquirer with it, naming any that does not answer.
   */
  echo(acquirerId: string = this.defaultId): Promise<{ latencyMs: number }> {
    return this.withAcquirer(acquirerId, ({ links }) => links.echo());
  }

  /** Up while one of the acquirer's links is. */
  linkState(acquirerId: string = this.defaultId): HostLinkState {
    return this.acquirer(acquirerId).links.state();
  }

  /** The state of each of the acquirer's links, in configuration order. */
  linkStates(acquirerId: string = this.defaultId): HostLinkState[] {
    return this.acquirer(acquirerId).links.linkStates();
  }

  /** The async methods reject (rather than throw) for an unknown id, like every other failure they report. */
  private withAcquirer<T>(acquirerId: string, use: (acquirer: Acquirer) => Promise<T>): Promise<T> {
    const acquirer = this.acquirers.get(acquirerId);
    return acquirer ? use(acquirer) : Promise.reject(new UnknownAcquirerError(acquirerId, this.acquirerIds()));
  }

  private acquirer(acquirerId: string): Acquirer {
    const acquirer = this.acquirers.get(acquirerId);
    if (!acquirer) throw new UnknownAcquirerError(acquirerId, this.acquirerIds());
    return acquirer;
  }
}
