import type { FrameHeader, Iso8583Message, Iso8583SpecName } from '@payments/iso8583';

export type HostLinkState = 'up' | 'down' | 'connecting';

export interface HostLinkOptions {
  host: string;
  port: number;
  /** Wire dialect of this acquirer (a spec registered in @payments/iso8583). Default iso87ascii. */
  spec?: Iso8583SpecName;
  /** TCP length header of this acquirer. Default binary2 (2-byte big-endian). */
  header?: FrameHeader;
  /** How long send() waits for the matching response before HostTimeoutError. */
  responseTimeoutMs: number;
  /** How long a TCP connect may take before the attempt fails. */
  connectTimeoutMs: number;
  /** How long close() waits for in-flight requests. Default responseTimeoutMs. */
  closeTimeoutMs?: number;
  /** Reconnect delays after a failed attempt: doubles from initialMs up to maxMs. Default 100 / 5000. */
  reconnectBackoff?: { initialMs: number; maxMs: number };
  /**
   * A response nobody waits for any more (arrived after its timeout, or unknown STAN). The
   * authorization service must act on it (a late approval of a timed-out 0200 needs a reversal).
   */
  onUnmatchedResponse?: (response: Iso8583Message) => void;
  /** A frame from the host that could not be decoded (for logs/metrics; carries no field values). */
  onProtocolError?: (error: Error) => void;
  /** Every state change, for the host-link-state metric. */
  onStateChange?: (state: HostLinkState) => void;
}

export const DEFAULT_BACKOFF = { initialMs: 100, maxMs: 5_000 } as const;
