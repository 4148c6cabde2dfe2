import { randomBytes, randomUUID } from 'node:crypto';

import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';

import { findCurrencyByAlpha } from '@payments/money';

import { GATEWAY_DB, GatewayDb } from '../../database/gateway-db.provider';
import type { ApiClient } from '../../generated/prisma/client';
import { hashApiKey } from '../api-client.repository';
import type { CreateTerminalDto } from './terminal-admin.dto';

/** A register as operators see it: never its key, which is stored only as a hash. */
export interface TerminalView {
  readonly terminalId: string;
  readonly name: string;
  readonly merchantId: string;
  readonly currencies: string[];
  readonly status: 'active' | 'blocked';
  readonly createdAt: string;
}

/** A change and the register after it (for the audit line), with a new key shown once. */
export interface TerminalChange {
  readonly before: TerminalView | null;
  readonly after: TerminalView;
  readonly apiKey?: string;
}

/** A register's API key: `trm_` and 32 random bytes, base64url (what a register sends as its bearer key). */
export const newTerminalKey = (): string => `trm_${randomBytes(32).toString('base64url')}`;

/**
 * Operators create registers, rotate their keys and block them. A key is shown once, when made;
 * a rotated or blocked key stops working within the terminal cache's TTL
 * (GATEWAY_TERMINAL_CACHE_TTL_MS, 5 s by default).
 */
@Injectable()
export class TerminalAdminService {
  constructor(@Inject(GATEWAY_DB) private readonly db: GatewayDb) {}

  async list(): Promise<TerminalView[]> {
    return (await this.db.apiClient.findMany({ orderBy: { terminalId: 'asc' }, take: 1000 })).map(viewOf);
  }

  async get(terminalId: string): Promise<TerminalView> {
    return viewOf(await this.existing(terminalId));
  }

  async create(input: CreateTerminalDto): Promise<TerminalChange> {
    const unknown = input.currencies.filter((code) => !findCurrencyByAlpha(code));
    if (unknown.length > 0)
      throw new BadRequestException(
        `currencies: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not an ISO 4217 currency' : 'are not ISO 4217 currencies'}`,
      );
    if (await this.db.apiClient.findUnique({ where: { terminalId: input.terminalId } }))
      throw new ConflictException(`terminal ${input.terminalId} exists already`);
    const apiKey = newTerminalKey();
    let row: ApiClient;
    try {
      row = await this.db.apiClient.create({
        data: {
          id: randomUUID(),
          terminalId: input.terminalId,
          name: input.name.trim(),
          merchantId: input.merchantId,
          currencies: [...new Set(input.currencies)],
          keyHash: hashApiKey(apiKey),
        },
      });
    } catch (error) {
      // Two operators creating the same register at once: the second finds it taken.
      if ((error as { code?: string }).code === 'P2002') throw new ConflictException(`terminal ${input.terminalId} exists already`);
      throw error;
    }
    return { before: null, after: viewOf(row), apiKey };
  }

  async rotateKey(terminalId: string): Promise<TerminalChange> {
    const before = viewOf(await this.existing(terminalId));
    const apiKey = newTerminalKey();
    const row = await this.db.apiClient.update({ where: { terminalId }, data: { keyHash: hashApiKey(apiKey) } });
    return { before, after: viewOf(row), apiKey };
  }

  async setActive(terminalId: string, active: boolean): Promise<TerminalChange> {
    const before = viewOf(await this.existing(terminalId));
    const row = await this.db.apiClient.update({ where: { terminalId }, data: { active } });
    return { before, after: viewOf(row) };
  }

  private async existing(terminalId: string): Promise<ApiClient> {
    const row = await this.db.apiClient.findUnique({ where: { terminalId } });
    if (!row) throw new NotFoundException(`terminal ${terminalId} does not exist`);
    return row;
  }
}

function viewOf(row: ApiClient): TerminalView {
  return {
    terminalId: row.terminalId,
    name: row.name,
    merchantId: row.merchantId,
    currencies: row.currencies,
    status: row.active ? 'active' : 'blocked',
    createdAt: row.createdAt.toISOString(),
  };
}
