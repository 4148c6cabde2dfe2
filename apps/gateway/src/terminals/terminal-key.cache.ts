import { Inject, Injectable } from '@nestjs/common';

import { GATEWAY_ENV, GatewayEnv } from '../config/gateway-env';
import { ApiClientRepository, hashApiKey } from './api-client.repository';
import { Terminal } from './terminal';

/** At most this many terminals are kept; the oldest entry goes first. Only known keys are kept, so guessed keys cannot fill it. */
export const MAX_CACHED_TERMINALS = 10_000;

/**
 * The terminal of an API key, remembered for GATEWAY_TERMINAL_CACHE_TTL_MS so a register's
 * requests do not each read api_client: a revoked or disabled key stops working within that time
 * (0: every request reads it). An unknown or disabled key is never remembered, so it is read again
 * every time and a brute force fills nothing. Entries are keyed by the key's hash, as stored.
 */
@Injectable()
export class TerminalKeyCache {
  private readonly terminals = new Map<string, { terminal: Terminal; until: number }>();

  constructor(
    private readonly clients: ApiClientRepository,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
  ) {}

  async findActiveByKey(key: string): Promise<Terminal | undefined> {
    const ttlMs = this.env.GATEWAY_TERMINAL_CACHE_TTL_MS;
    const hash = hashApiKey(key);
    const cached = this.terminals.get(hash);
    if (cached && cached.until > Date.now()) return cached.terminal;
    this.terminals.delete(hash);
    const terminal = await this.clients.findActiveByKey(key);
    if (terminal && ttlMs > 0) this.remember(hash, terminal, Date.now() + ttlMs);
    return terminal;
  }

  private remember(hash: string, terminal: Terminal, until: number): void {
    if (this.terminals.size >= MAX_CACHED_TERMINALS) this.terminals.delete(this.terminals.keys().next().value as string);
    this.terminals.set(hash, { terminal, until });
  }
}
