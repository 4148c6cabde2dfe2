import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { GATEWAY_DB, GatewayDb } from '../database/gateway-db.provider';
import type { IdempotencyRecord } from '../generated/prisma/client';
import { COMPLETED, IN_PROGRESS, outcomeColumns, StoredOutcome } from './stored-outcome';

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
      data: [{ clientId, key, requestHash, transactionId, state: IN_PROGRESS }],
      skipDuplicates: true,
    });
    if (inserted.count === 1) return { claimed: true, transactionId };
    const record = await this.db.idempotencyRecord.findUniqueOrThrow({ where: { clientId_key: { clientId, key } } });
    return { claimed: false, record };
  }

  async complete(transactionId: string, outcome: StoredOutcome): Promise<void> {
    await this.db.idempotencyRecord.updateMany({
      where: { transactionId, state: IN_PROGRESS },
      data: { state: COMPLETED, ...outcomeColumns(outcome), completedAt: new Date() },
    });
  }

  /** A later outcome of the same transaction (a prompt answered): a retry with the first key then replays it. */
  async supersede(transactionId: string, outcome: StoredOutcome): Promise<void> {
    await this.db.idempotencyRecord.updateMany({
      where: { transactionId, state: COMPLETED },
      data: { ...outcomeColumns(outcome), completedAt: new Date() },
    });
  }
}
