import { CanActivate, ExecutionContext, Inject, Injectable, Optional, UnauthorizedException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';

import {
  TERMINAL_IDEMPOTENCY_HEADER,
  TERMINAL_NONCE,
  TERMINAL_REQUEST_HEADERS,
  TERMINAL_TIMESTAMP,
  terminalPublicKeyOf,
  verifyTerminalRequest,
} from '@payments/contracts';

import { type AgentTerminal, TERMINAL_ID } from './agent-terminal';
import { AgentTerminalRepository } from './agent-terminal.repository';

/** How far a request's timestamp may be from the platform's clock, either way, to the millisecond. */
export const TERMINAL_CLOCK_WINDOW_SECONDS = 300;
/** A nonce is kept this long past the window, so a replica whose clock is up to a minute behind finds it too. */
export const TERMINAL_NONCE_MARGIN_SECONDS = 60;

/** The platform's clock as the guard reads it; a module may provide another under TERMINAL_CLOCK (a fixed time in a test). */
export const TERMINAL_CLOCK = Symbol('TERMINAL_CLOCK');
export type TerminalClock = () => Date;

export type SignedTerminalRequest = Request & { rawBody?: Buffer; agentTerminal?: AgentTerminal };

/** Why a terminal request was refused before anything was done (the 401's `reason`). */
export type TerminalRefusalReason =
  'operator_key' | 'missing_header' | 'unknown_terminal' | 'blocked_terminal' | 'stale_timestamp' | 'bad_signature' | 'replayed_nonce';

function refuse(reason: TerminalRefusalReason, message: string): never {
  throw new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', reason, message });
}

/**
 * The signature covers the body's exact bytes, which only the JSON parser keeps (`rawBody`): a body
 * any other parser read (a form) would reach the route unsigned, so it is refused (415), as is a
 * POST that is not JSON.
 */
function refuseUnsignedBody(request: SignedTerminalRequest): void {
  const contentType = request.headers['content-type'] ?? '';
  const json = contentType.split(';')[0].trim().toLowerCase() === 'application/json';
  const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  if ((request.method === 'POST' && !json) || (hasBody && request.rawBody === undefined)) {
    throw new UnsupportedMediaTypeException({
      statusCode: 415,
      error: 'Unsupported Media Type',
      reason: 'unsigned_body',
      message: `content-type: a terminal request's body must be application/json, signed as its exact bytes, not ${JSON.stringify(contentType.slice(0, 100))}`,
    });
  }
}

function headerOf(request: Request, name: string, rule: RegExp, expected: string): string {
  const value = request.headers[name];
  if (typeof value !== 'string' || !rule.test(value)) refuse('missing_header', `${name}: required, ${expected}`);
  return value;
}

/**
 * The agents' terminal API's only door: a request signed by a registered, active terminal
 * (@payments/contracts, terminal-request.v1), checked before anything else in this order: no
 * operator or API key (that is another door), the four headers, the terminal known and active, the
 * timestamp within ±5 min (to the millisecond), a body only as JSON bytes (else 415), the Ed25519
 * signature over the method, path and query, timestamp, nonce, Idempotency-Key and the exact body
 * bytes, then the nonce never seen (kept in the database past the window, so a replay to another
 * replica is refused too). Each refusal is a 401 (415) whose `reason` and message name it.
 */
@Injectable()
export class TerminalSignatureGuard implements CanActivate {
  private readonly clock: TerminalClock;

  constructor(
    private readonly terminals: AgentTerminalRepository,
    @Optional() @Inject(TERMINAL_CLOCK) clock?: TerminalClock,
  ) {
    this.clock = clock ?? (() => new Date());
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<SignedTerminalRequest>();
    if (request.headers.authorization !== undefined) {
      refuse('operator_key', 'Authorization: the agents terminal API takes no operator or API key, only requests signed by a terminal (X-Terminal-* headers)');
    }
    const { terminalId: idHeader, timestamp: timestampHeader, nonce: nonceHeader, signature: signatureHeader } = TERMINAL_REQUEST_HEADERS;
    const terminalId = headerOf(request, idHeader, TERMINAL_ID, "the terminal's id (1-64 letters, digits, dots, dashes or underscores)");
    const timestamp = headerOf(request, timestampHeader, TERMINAL_TIMESTAMP, 'seconds since 1970-01-01T00:00:00Z');
    const nonce = headerOf(request, nonceHeader, TERMINAL_NONCE, '16-64 letters, digits, - or _, new for every request');
    const signature = headerOf(request, signatureHeader, /^.{1,200}$/, 'the Ed25519 signature, base64');

    const terminal = await this.terminals.find(terminalId);
    if (!terminal) refuse('unknown_terminal', `${idHeader}: no terminal ${terminalId} is registered`);
    if (terminal.status !== 'active') refuse('blocked_terminal', `${idHeader}: terminal ${terminalId} is blocked`);

    const now = this.clock();
    // Unrounded: a request accepted at all is within the window, so its nonce, kept past it, is still there for a replay.
    const skewMs = now.getTime() - Number(timestamp) * 1000;
    if (Math.abs(skewMs) > TERMINAL_CLOCK_WINDOW_SECONDS * 1000) {
      refuse(
        'stale_timestamp',
        `${timestampHeader}: ${timestamp} is ${Math.ceil(Math.abs(skewMs) / 1000)} s ${skewMs > 0 ? 'behind' : 'ahead of'} the platform's clock; at most ${TERMINAL_CLOCK_WINDOW_SECONDS} s either way`,
      );
    }
    refuseUnsignedBody(request);
    const publicKey = terminalPublicKeyOf(terminal.publicKey);
    if (!('key' in publicKey)) throw new Error(`terminal ${terminalId}: its stored public key ${publicKey.problem}`);
    const key = request.headers[TERMINAL_IDEMPOTENCY_HEADER];
    const idempotencyKey = typeof key === 'string' ? key : undefined;
    const parts = { method: request.method, pathWithQuery: request.originalUrl, timestamp, nonce, idempotencyKey, body: request.rawBody ?? new Uint8Array() };
    if (!verifyTerminalRequest(parts, signature, publicKey.key)) {
      refuse('bad_signature', `${signatureHeader}: not terminal ${terminalId}'s signature of this method, path, timestamp, nonce, Idempotency-Key and body`);
    }
    const expiresAt = new Date((Number(timestamp) + TERMINAL_CLOCK_WINDOW_SECONDS + TERMINAL_NONCE_MARGIN_SECONDS) * 1000);
    if (!(await this.terminals.recordNonce(terminalId, nonce, expiresAt, now))) {
      refuse('replayed_nonce', `${nonceHeader}: terminal ${terminalId} sent nonce ${nonce} before; a replayed request is refused`);
    }
    request.agentTerminal = terminal;
    return true;
  }
}
