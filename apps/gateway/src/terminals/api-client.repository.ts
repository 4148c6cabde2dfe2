import { createHash, randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { GATEWAY_DB, GatewayDb } from '../database/gateway-db.provider';
import { Terminal } from './terminal';

/** Keys are stored only as SHA-256 hashes: a database leak does not leak working keys. */
export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

@Injectable()
export class ApiClientRepository {
  constructor(@Inject(GATEWAY_DB) private readonly db: GatewayDb) {}

  async findActiveByKey(key: string): Promise<Terminal | undefined> {
    const row = await this.db.apiClient.findUnique({ where: { keyHash: hashApiKey(key) } });
    if (!row?.active) return undefined;
    return { clientId: row.id, name: row.name, terminalId: row.terminalId, merchantId: row.merchantId, currencies: row.currencies };
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
