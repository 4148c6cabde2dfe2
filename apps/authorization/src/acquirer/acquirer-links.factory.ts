import type { LoggerService } from '@nestjs/common';

import type { LeniencyMetric } from '@payments/iso8583';

import { HostLinkPool, type HostLinkPoolStateListener } from '../host-link/host-link.pool';
import type { HostLinkOptions, HostLinkState } from '../host-link/host-link.options';
import type { StanAllocator } from '../host-link/stan.allocator';
import type { AcquirerConfig } from './routing/acquirer-network.schema';

export interface AcquirerLinksContext {
  readonly logger: Pick<LoggerService, 'log' | 'warn' | 'error'>;
  /** The acquirer's STAN sequence: every link numbers its own 0800s from it, so STANs never collide. */
  readonly references: Pick<StanAllocator, 'nextStan'>;
  /** The pool's state and links up, for the host link metrics. */
  readonly onStateChange: HostLinkPoolStateListener;
  /** True once the process is stopping: a lost link is then expected, not a warning. */
  readonly closing: () => boolean;
  /** Counts the fields the acquirer's dialect let through leniently. */
  readonly leniencyMetric?: LeniencyMetric;
}

/**
 * The links to one acquirer: `connections` to its host:port and to each further endpoint. Logs
 * name the acquirer, and the link (number and address) when there are several; never a field value.
 */
export function createAcquirerLinks(config: AcquirerConfig, context: AcquirerLinksContext): HostLinkPool {
  const endpoints = [{ host: config.host, port: config.port }, ...config.endpoints];
  const addresses = endpoints.flatMap((endpoint) => Array.from({ length: config.connections }, () => endpoint));
  const links = addresses.map((address, i) =>
    linkOptions(config, address, addresses.length > 1 ? ` link ${i + 1}/${addresses.length} (${address.host}:${address.port})` : '', context),
  );
  return new HostLinkPool(links, context.onStateChange);
}

function linkOptions(config: AcquirerConfig, address: { host: string; port: number }, link: string, context: AcquirerLinksContext): HostLinkOptions {
  const { logger } = context;
  let wasUp = false;
  return {
    host: address.host,
    port: address.port,
    spec: config.spec,
    header: config.header,
    responseTimeoutMs: config.responseTimeoutMs,
    connectTimeoutMs: config.connectTimeoutMs,
    signOn: config.signOn,
    echoIntervalMs: config.echoIntervalMs,
    nextStan: () => context.references.nextStan(),
    onStateChange: (state: HostLinkState) => {
      if (state === 'up') logger.log(`link to acquirer ${config.id}${link} is up`);
      if (state === 'down' && wasUp && !context.closing()) logger.warn(`link to acquirer ${config.id}${link} lost; reconnecting`);
      if (state === 'up' || state === 'down') wasUp = state === 'up';
    },
    // A late answer changes nothing: the timed-out transaction is already unknown with its reversal queued.
    onUnmatchedResponse: (response) => {
      const reversal = response.mti.startsWith('08') ? '' : '; its transaction is being reversed';
      logger.warn(`late or unmatched ${response.mti} from acquirer ${config.id}${link} (STAN ${response.fields[11] ?? '?'})${reversal}`);
    },
    onProtocolError: (error) => {
      logger.error(`undecodable frame from acquirer ${config.id}${link}: ${error.message}`);
    },
    // The dialect lets this host send what the strict classes refuse: said, counted, and the answer still read.
    onLenientFields: (warnings) => {
      const where = warnings.map((w) => `${w.field === null ? 'message' : `DE ${w.field}`} ${w.rule} at byte ${w.offset}`).join(', ');
      logger.warn(`lenient read of a response from acquirer ${config.id}${link} (${warnings[0].spec}): ${where}`);
    },
    leniencyMetric: context.leniencyMetric,
  };
}
