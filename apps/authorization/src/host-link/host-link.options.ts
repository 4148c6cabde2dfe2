import type { FrameHeader, Iso8583Message, Iso8583SpecName, LeniencyMetric, LeniencyWarning } from '@payments/iso8583';

/**
 * down: no connection. connecting: TCP connect in progress. signing_on: connected, waiting for the
 * 0810 to the sign-on. up: requests are accepted.
 */
export const HOST_LINK_STATES = ['up', 'connecting', 'signing_on', 'down'] as const;

export type HostLinkState = (typeof HOST_LINK_STATES)[number];

export interface HostLinkOptions {
  host: string;
  port: number;
  /** Wire dialect of this acquirer (a spec registered in @payments/iso8583). Default iso87ascii. */
  spec?: Iso8583SpecName;
  /** TCP length header of this acquirer. Default binary2 (2-byte big-endian). */
  header?: FrameHeader;
  /** How long send() (and sign-on, echo) waits for the matching response before HostTimeoutError. */
  responseTimeoutMs: number;
  /** How long a TCP connect may take before the attempt fails. */
  connectTimeoutMs: number;
  /** How long close() waits for in-flight requests. Default responseTimeoutMs. */
  closeTimeoutMs?: number;
  /** Reconnect delays after a failed attempt: doubles from initialMs up to maxMs. Default 100 / 5000. */
  reconnectBackoff?: { initialMs: number; maxMs: number };
  /**
   * Sign on (0800, DE 70 = 001) after every TCP connect: the link is up only once the host
   * answers 0810 with DE 39 = 00; close() then signs off (DE 70 = 002), best effort. Default false.
   */
  signOn?: boolean;
  /** Echo test (0800, DE 70 = 301) after this long without traffic; no answer drops the link. 0 or absent: off. */
  echoIntervalMs?: number;
  /** STANs (DE 11) of the link's own 0800 requests; the acquirer's STAN sequence. Default a sequence from 000001. */
  nextStan?: () => Promise<string>;
  /**
   * A response nobody waits for any more (arrived after its timeout, or unknown STAN). The
   * authorization service must act on it (a late approval of a timed-out 0200 needs a reversal).
   */
  onUnmatchedResponse?: (response: Iso8583Message) => void;
  /** A frame from the host that could not be decoded (for logs/metrics; carries no field values). */
  onProtocolError?: (error: Error) => void;
  /** A response the acquirer's dialect let through leniently: which field and rule, never the value. */
  onLenientFields?: (warnings: readonly LeniencyWarning[]) => void;
  /** Counts each lenient field (iso8583_lenient_fields_total). */
  leniencyMetric?: LeniencyMetric;
  /** Every state change, for the host-link-state metric. */
  onStateChange?: (state: HostLinkState) => void;
}

export const DEFAULT_BACKOFF = { initialMs: 100, maxMs: 5_000 } as const;
