import type { GatewayRequest } from '../gateway-link/gateway-request.model';

/**
 * `pad`: the bridge is driving the PIN pad, nothing has gone to a gateway (a restart drops it).
 * `sent`: the request may have reached a gateway; only its outcome closes it (a restart re-sends it
 * with the same Idempotency-Key, and the gateway answers the stored outcome).
 */
export type OperationPhase = 'pad' | 'sent';

export interface InFlightOperation {
  readonly lane: string;
  readonly idempotencyKey: string;
  /** SHA-256 of the register's request (method, path, body), to tell a retry from a reused key. */
  readonly requestHash: string;
  readonly phase: OperationPhase;
  /** `sent` only: what went to the gateway, byte for byte (encrypted card and PIN blocks, never clear ones). */
  readonly forwarded?: GatewayRequest;
  /** `sent` only: the gateway it went to first. */
  readonly gateway?: string;
  readonly startedAt: string;
}

/** An operation's outcome as the register got it. A prompt (202) or a 5xx keeps what was sent, so a retry asks the gateway again. */
export interface CompletedOperation {
  readonly lane: string;
  readonly idempotencyKey: string;
  readonly requestHash: string;
  readonly path: string;
  readonly status: number;
  readonly contentType?: string;
  readonly body: string;
  readonly gateway: string;
  readonly completedAt: string;
  readonly forwarded?: GatewayRequest;
}

export interface LaneState {
  inFlight?: InFlightOperation;
  /**
   * Sent earlier, outcome not known yet (no gateway answered, or one still runs it): set aside when
   * the lane takes its next operation, still sent again until a gateway answers. The lane keeps selling.
   */
  unresolved?: InFlightOperation[];
  /** Newest first; the first is the lane's last operation. */
  completed: CompletedOperation[];
}

/** Every lane's state: in memory, and on disk in the one-file layout of earlier versions (`state.json`). */
export interface BridgeState {
  readonly version: 1;
  lanes: Record<string, LaneState>;
}

/** One lane's file (`lanes/<lane>.json`). */
export interface LaneFile {
  readonly version: 1;
  readonly lane: string;
  readonly state: LaneState;
}
