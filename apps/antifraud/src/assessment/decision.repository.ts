import { Inject, Injectable } from '@nestjs/common';

import type { AssessReply } from '@payments/contracts';

import { ANTIFRAUD_DB, AntifraudDb } from '../database/antifraud-db.provider';

/** Decisions are kept, one per transaction: a repeated request gets the first decision back. */
@Injectable()
export class DecisionRepository {
  constructor(@Inject(ANTIFRAUD_DB) private readonly db: AntifraudDb) {}

  async find(transactionId: string): Promise<AssessReply | undefined> {
    const row = await this.db.decision.findUnique({ where: { transactionId } });
    if (!row) return undefined;
    return {
      transactionId: row.transactionId,
      decision: row.decision === 'deny' ? 'deny' : 'allow',
      responseCode: row.responseCode ?? undefined,
      reasons: row.reasons as AssessReply['reasons'],
    };
  }

  /** Keeps the first decision when two arrive for the same transaction, and returns it. */
  async save(terminalId: string, reply: AssessReply): Promise<AssessReply> {
    const inserted = await this.db.decision.createMany({
      data: [{ transactionId: reply.transactionId, terminalId, decision: reply.decision, responseCode: reply.responseCode, reasons: reply.reasons }],
      skipDuplicates: true,
    });
    return inserted.count === 1 ? reply : ((await this.find(reply.transactionId)) ?? reply);
  }
}
