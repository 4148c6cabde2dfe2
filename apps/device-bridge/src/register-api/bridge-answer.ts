import { HttpStatus } from '@nestjs/common';

import { PinPadDeviceError, PinPadFrameError, PinPadLinkError, PinPadTimeoutError } from '@payments/pinpad';

import type { GatewayAnswer } from '../gateway-link/gateway-request.model';
import type { LaneConfig } from '../lanes/lane-config';

/** What the register gets: the gateway's answer unchanged, or the bridge's own error in the gateway's error shape. */
export type BridgeAnswer = Omit<GatewayAnswer, 'gateway'> & { readonly gateway?: string };

/** `{ statusCode, error, message }`, as the gateway's (Nest's) error bodies, plus the lane. */
export function bridgeError(status: HttpStatus, message: string, lane?: LaneConfig): BridgeAnswer {
  const body = { statusCode: status, error: REASONS[status] ?? 'Error', message, ...(lane ? { lane: lane.lane, terminalId: lane.terminalId } : {}) };
  return { status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) };
}

const REASONS: Partial<Record<number, string>> = {
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/**
 * A PIN pad that failed before anything went to a gateway: nothing was charged. Silent or
 * unplugged: 503; garbage or a broken frame: 502; the cardholder or the pad refused: 422.
 * The causes name commands and link states only, never card data.
 */
export function padFailureAnswer(lane: LaneConfig, error: unknown): BridgeAnswer | undefined {
  const where = `lane ${lane.lane} (terminal ${lane.terminalId}): the PIN pad`;
  const nothingSent = 'nothing was sent to the gateway';
  if (error instanceof PinPadLinkError) {
    const status = error.reason === 'garbage' || error.reason === 'out-of-order' ? HttpStatus.BAD_GATEWAY : HttpStatus.SERVICE_UNAVAILABLE;
    return bridgeError(status, `${where} ${LINK_CAUSES[error.reason]} (${error.message}); ${nothingSent}`, lane);
  }
  if (error instanceof PinPadFrameError) return bridgeError(HttpStatus.BAD_GATEWAY, `${where} sent a broken frame (${error.message}); ${nothingSent}`, lane);
  if (error instanceof PinPadTimeoutError) return bridgeError(HttpStatus.SERVICE_UNAVAILABLE, `${where} went silent: ${error.message}; ${nothingSent}`, lane);
  if (error instanceof PinPadDeviceError)
    return bridgeError(HttpStatus.UNPROCESSABLE_ENTITY, `${where} answered ${error.code} to ${error.command}; ${nothingSent}`, lane);
  return undefined;
}

const LINK_CAUSES: Record<PinPadLinkError['reason'], string> = {
  'no-ack': 'is silent or unplugged',
  'nak-limit': 'refused the frames',
  garbage: 'sent garbage',
  'line-closed': 'is unreachable or its line closed',
  'out-of-order': 'lost the sequence',
};
