import { Injectable, UnauthorizedException } from '@nestjs/common';

import type { Metadata } from '@grpc/grpc-js';

import { TerminalKeyCache } from '../terminals/terminal-key.cache';
import { Terminal } from '../terminals/terminal';

/**
 * gRPC's TerminalKeyGuard: metadata `authorization: Bearer <terminal API key>`, checked against
 * the same hashed keys; a missing or unknown key is refused with a message that says which.
 */
@Injectable()
export class TerminalMetadataAuthenticator {
  constructor(private readonly clients: TerminalKeyCache) {}

  async terminalOf(metadata: Metadata): Promise<Terminal> {
    const match = /^Bearer\s+(\S+)$/i.exec(metadataText(metadata, 'authorization') ?? '');
    if (!match) throw new UnauthorizedException('missing terminal API key: send metadata authorization: Bearer <key>');
    const terminal = await this.clients.findActiveByKey(match[1]);
    if (!terminal) throw new UnauthorizedException('unknown or disabled terminal API key');
    return terminal;
  }
}

/** The first text value of a metadata key (gRPC keys are lowercase; binary `-bin` values are not text). */
export function metadataText(metadata: Metadata, key: string): string | undefined {
  const [value] = metadata.get(key);
  return typeof value === 'string' ? value : undefined;
}
