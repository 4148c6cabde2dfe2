import { applyDecorators, BadRequestException, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';

import { TERMINAL_REQUEST_HEADERS } from '@payments/contracts';
import { ApiErrorResponses } from '@payments/runtime';

import type { AgentTerminal } from './agent-terminal';
import { type SignedTerminalRequest, TerminalSignatureGuard } from './terminal-signature.guard';

/** A controller whose every route is a terminal's signed request (checked first by TerminalSignatureGuard), with the headers documented. */
export const TerminalSigned = (): ClassDecorator =>
  applyDecorators(
    ApiHeader({ name: TERMINAL_REQUEST_HEADERS.terminalId, required: true, description: "the terminal's id, as registered" }),
    ApiHeader({
      name: TERMINAL_REQUEST_HEADERS.timestamp,
      required: true,
      description: 'seconds since 1970-01-01T00:00:00Z, within 5 minutes of the platform clock',
    }),
    ApiHeader({ name: TERMINAL_REQUEST_HEADERS.nonce, required: true, description: '16-64 letters, digits, - or _, never sent before by this terminal' }),
    ApiHeader({
      name: TERMINAL_REQUEST_HEADERS.signature,
      required: true,
      description:
        'base64 Ed25519 signature of "agent-terminal-request-v1\\n<METHOD>\\n<path?query>\\n<timestamp>\\n<nonce>\\n<Idempotency-Key, empty when none>\\n<hex SHA-256 of the body bytes>"',
    }),
    ApiErrorResponses(401),
    ApiResponse({
      status: 415,
      description: 'A body that is not application/json (its exact bytes are signed), or a POST that is not application/json. Nothing was done.',
    }),
    UseGuards(TerminalSignatureGuard),
  );

/** The terminal the guard verified. */
export function terminalOf(request: SignedTerminalRequest): AgentTerminal {
  if (!request.agentTerminal) throw new Error('a terminal route ran without the terminal signature guard');
  return request.agentTerminal;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,64}$/;

/** The Idempotency-Key a terminal's money-moving request must carry: the same key and body again answer the same. */
export function idempotencyKeyOf(header: string | undefined): string {
  if (!header || !IDEMPOTENCY_KEY.test(header)) throw new BadRequestException('Idempotency-Key header: required, 8-64 letters, digits or _ . : -');
  return header;
}
