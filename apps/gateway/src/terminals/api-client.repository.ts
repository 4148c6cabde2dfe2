import { createHash, randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { GATEWAY_DB, GATEWAY_SQL, GatewayDb, GatewaySql } from '../database/gateway-db.provider';
import { Terminal } from './terminal';

/** Keys are stored only as SHA-256 hashes: a database leak does not leak working keys. */
export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** The key's terminal, read on the request path (each request, once the cache's entry is older than its TTL): plain SQL, no Prisma. */
const ACTIVE_BY_KEY_HASH = `SELECT "id"::text AS "id", "name", "terminal_id", "merchant_id", "currencies" FROM "api_client" WHERE "key_hash" = $1 AND "active"`;

interface ApiClientRow extends Record<string, unknown> {
  readonly id: string;
  readonly name: string;
  readonly terminal_id: string;
  readonly merchant_id: string;
  readonly currencies: string[];
}

@Injectable()
export class ApiClientRepository {
  constructor(
    @Inject(GATEWAY_DB) private readonly db: GatewayDb,
    @Inject(GATEWAY_SQL) private readonly sql: GatewaySql,
  ) {}

  async findActiveByKey(key: string): Promise<Terminal | undefined> {
    const [row] = await this.sql.query<ApiClientRow>(ACTIVE_BY_KEY_HASH, [hashApiKey(key)]);
    if (!row) return undefined;
    return { clientId: row.id, name: row.name, terminalId: row.terminal_id, merchantId: row.merchant_id, currencies: row.currencies };
  }

  /** Registers a terminal, or updates the one with this terminal id (key, merchant, currencies). */
  async upsertTerminal(terminal: Omit<Terminal, 'clientId'>, key: string): Promise<void> {
    const data = { name: terminal.name, merchantId: terminal.merchantId, currencies: terminal.currencies, keyHash: hashApiKey(key), active: true };
    await this.db.apiClient.upsert({
      where: { terminalId: terminal.terminalId },
      create: { id: randomUUID(), terminalId: terminal.terminalId, ...data },
      update: data,
    });
  }
}
