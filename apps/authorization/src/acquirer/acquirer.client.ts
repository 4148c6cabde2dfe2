import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';

import type { Iso8583Message } from '@payments/iso8583';
import { getOrCreateGauge } from '@payments/observability';

import type { AuthorizationEnv } from '../config/authorization-env';
import { AUTHORIZATION_ENV } from '../config/authorization-env.provider';
import { HostLink } from '../host-link/host-link';
import { RrnGenerator, StanSequence } from '../host-link/stan-rrn';

/** The link to the acquirer host (one for now; routing by BIN and merchant comes with more acquirers). */
@Injectable()
export class AcquirerClient implements OnApplicationShutdown {
  private readonly link: HostLink;
  private readonly stans = new StanSequence();
  private readonly rrns = new RrnGenerator();
  private readonly logger = new Logger(AcquirerClient.name);
  private readonly linkState = getOrCreateGauge('host_link_up', 'Whether the link to an acquirer host is up (1) or not (0).', ['acquirer']);

  constructor(@Inject(AUTHORIZATION_ENV) env: AuthorizationEnv) {
    this.link = new HostLink({
      host: env.AUTHORIZATION_ACQUIRER_HOST,
      port: env.AUTHORIZATION_ACQUIRER_PORT,
      spec: 'iso87ascii',
      header: 'binary2',
      responseTimeoutMs: env.AUTHORIZATION_HOST_TIMEOUT_MS,
      connectTimeoutMs: 2_000,
      onStateChange: (state) => this.linkState.set({ acquirer: 'default' }, state === 'up' ? 1 : 0),
      // A late answer changes nothing: the timed-out transaction is already unknown with its reversal queued.
      onUnmatchedResponse: (response) => this.logger.warn(`late or unmatched ${response.mti} from the host (STAN ${response.fields[11] ?? '?'}); its transaction is being reversed`),
      onProtocolError: (error) => this.logger.error(`undecodable frame from the host: ${error.message}`),
    });
  }

  nextReference(at: Date): { stan: string; rrn: string } {
    return { stan: this.stans.next(), rrn: this.rrns.next(at) };
  }

  send(request: Iso8583Message): Promise<Iso8583Message> {
    return this.link.send(request);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.link.close();
  }
}
