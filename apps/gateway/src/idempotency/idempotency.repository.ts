import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { GATEWAY_DB, GatewayDb } from '../database/gateway-db.provider';
import type { IdempotencyRecord } from '../generated/prisma/client';

export interface StoredResponse {
  status: number;
  body: unknown;
}

@Injectable()
export class IdempotencyRepository {
  constructor(@Inject(GATEWAY_DB) private readonly db: GatewayDb) {}

  /** Claims (client, key) for a new request; the existing record when it was claimed before. */
  async claim(
    clientId: string,
    key: string,
    requestHash: string,
  ): Promise<{ claimed: true; transactionId: string } | { claimed: false; record: IdempotencyRecord }> {
    const transactionId = randomUUID();
    const inserted = await this.db.idempotencyRecord.createMany({
      data: [{ clientId, key, requestHash, transactionId, state: 'in_progress' }],
      skipDuplicates: true,
    });
    if (inserted.count === 1) return { claimed: true, transactionId };
    const record = await this.db.idempotencyRecord.findUniqueOrThrow({ where: { clientId_key: { clientId, key } } });
    return { claimed: false, record };
  }

  async complete(transactionId: string, response: StoredResponse): Promise<void> {
    await this.db.idempotencyRecord.updateMany({
      where: { transactionId, state: 'in_progress' },
      data: { state: 'completed', responseStatus: response.status, responseBody: response.body as object, completedAt: new Date() },
    });
  }

  /** A later outcome of the same transaction (a prompt answered): a retry with the first key then replays it. */
  async supersede(transactionId: string, response: StoredResponse): Promise<void> {
    await this.db.idempotencyRecord.updateMany({
      where: { transactionId, state: 'completed' },
      data: { responseStatus: response.status, responseBody: response.body as object, completedAt: new Date() },
    });
  }
}
