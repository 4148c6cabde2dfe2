import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit, Optional } from '@nestjs/common';

import type { Iso8583Message } from '@payments/iso8583';

import type { AuthorizationEnv } from '../config/authorization-env';
import { AUTHORIZATION_ENV } from '../config/authorization-env.provider';
import { AUTHORIZATION_DB, type AuthorizationDb } from '../database/authorization-db.provider';
import { HostLink } from '../host-link/host-link';
import { HostLinkMetrics } from '../host-link/host-link.metrics';
import type { HostLinkState } from '../host-link/host-link.options';
import { HostSequenceRepository } from '../host-link/host-sequence.repository';
import { HOST_SEQUENCE_STORE, type HostSequenceStore } from '../host-link/host-sequence.store';
import { type HostReference, StanAllocator } from '../host-link/stan.allocator';
import { defaultAcquirerOf, resolveAcquirerNetwork } from './routing/acquirer-network.loader';
import type { AcquirerConfig } from './routing/acquirer-network.schema';
import { AcquirerRouter, type RoutableCard } from './routing/acquirer.router';
import { UnknownAcquirerError } from './routing/unknown-acquirer.error';

interface Acquirer {
  readonly config: AcquirerConfig;
  readonly link: HostLink;
  readonly references: StanAllocator;
}

/** STANs per database write; the next block is reserved when half of one is left (no wait under load). */
const STAN_BLOCK = { blockSize: 100, refillAt: 50 };

/**
 * The acquirer hosts, as configured (AUTHORIZATION_ACQUIRERS, or one "default" acquirer from the
 * single-acquirer variables): one HostLink and one persistent STAN/RRN sequence each, and the
 * router that picks the acquirer of a card. Every exchange names its acquirer: a card operation
 * the routed one, everything that follows it (cancel, refund, completion, reversal, totals) the
 * one journaled on its row. The connection check without an id asks the default one.
 */
@Injectable()
export class AcquirerClient implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AcquirerClient.name);
  private readonly acquirers = new Map<string, Acquirer>();
  private readonly router: AcquirerRouter;
  private readonly defaultId: string;
  private closing = false;

  constructor(
    @Inject(AUTHORIZATION_ENV) env: AuthorizationEnv,
    @Inject(AUTHORIZATION_DB) db: AuthorizationDb,
    @Optional() @Inject(HOST_SEQUENCE_STORE) store?: HostSequenceStore,
  ) {
    const network = resolveAcquirerNetwork(env.AUTHORIZATION_ACQUIRERS ?? env.AUTHORIZATION_ACQUIRERS_FILE, {
      host: env.AUTHORIZATION_ACQUIRER_HOST,
      port: env.AUTHORIZATION_ACQUIRER_PORT,
      responseTimeoutMs: env.AUTHORIZATION_HOST_TIMEOUT_MS,
      signOn: env.AUTHORIZATION_ACQUIRER_SIGN_ON,
      echoIntervalMs: env.AUTHORIZATION_ACQUIRER_ECHO_INTERVAL_MS,
    });
    const sequences = store ?? new HostSequenceRepository(db);
    const metrics = new HostLinkMetrics();
    for (const config of network.acquirers) {
      const references = new StanAllocator(config.id, sequences, {
        ...STAN_BLOCK,
        onRefillError: (error) => this.logger.error(`acquirer ${config.id}: cannot reserve STANs: ${error.message}`),
      });
      this.acquirers.set(config.id, { config, references, link: this.linkTo(config, references, metrics.track(config.id)) });
    }
    this.router = new AcquirerRouter(network);
    this.defaultId = defaultAcquirerOf(network);
  }

  /** Reserves the first STAN/RRN blocks (so nextReference can answer at once), then connects every link. */
  async onModuleInit(): Promise<void> {
    await Promise.all([...this.acquirers.values()].map((acquirer) => acquirer.references.prime()));
    for (const { config, link } of this.acquirers.values()) {
      link.connect().catch((error: Error) => {
        if (!this.closing) this.logger.warn(`acquirer ${config.id}: ${error.message}; retrying in the background`);
      });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.acquirers.values()].map(({ link }) => link.close()));
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

  sendTo(acquirerId: string, request: Iso8583Message): Promise<Iso8583Message> {
    return this.withAcquirer(acquirerId, ({ link }) => link.send(request));
  }

  /** Connection check: an echo test (0800, DE 70 = 301) to one acquirer, the default one when no id is given. */
  echo(acquirerId: string = this.defaultId): Promise<{ latencyMs: number }> {
    return this.withAcquirer(acquirerId, ({ link }) => link.echo());
  }

  linkState(acquirerId: string = this.defaultId): HostLinkState {
    return this.acquirer(acquirerId).link.state();
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

  private linkTo(config: AcquirerConfig, references: StanAllocator, onStateChange: (state: HostLinkState) => void): HostLink {
    let wasUp = false;
    return new HostLink({
      host: config.host,
      port: config.port,
      spec: config.spec,
      header: config.header,
      responseTimeoutMs: config.responseTimeoutMs,
      connectTimeoutMs: config.connectTimeoutMs,
      signOn: config.signOn,
      echoIntervalMs: config.echoIntervalMs,
      nextStan: () => references.nextStan(),
      onStateChange: (state) => {
        onStateChange(state);
        if (state === 'up') this.logger.log(`link to acquirer ${config.id} is up`);
        if (state === 'down' && wasUp && !this.closing) this.logger.warn(`link to acquirer ${config.id} lost; reconnecting`);
        if (state === 'up' || state === 'down') wasUp = state === 'up';
      },
      // A late answer changes nothing: the timed-out transaction is already unknown with its reversal queued.
      onUnmatchedResponse: (response) =>
        this.logger.warn(
          `late or unmatched ${response.mti} from acquirer ${config.id} (STAN ${response.fields[11] ?? '?'})${response.mti.startsWith('08') ? '' : '; its transaction is being reversed'}`,
        ),
      onProtocolError: (error) => this.logger.error(`undecodable frame from acquirer ${config.id}: ${error.message}`),
    });
  }
}
