import { BadRequestException, Inject, Injectable } from '@nestjs/common';

import { AUTHORIZATION_DB, AuthorizationDb } from '../database/authorization-db.provider';
import type { Prisma, Transaction } from '../generated/prisma/client';
import { JournalQueryDto } from './dto/journal-query.dto';

export interface JournalPage {
  rows: Transaction[];
  nextCursor?: string;
}

/** Keyset paging on (created_at, id), newest first: stable while new attempts keep arriving. */
@Injectable()
export class JournalSearchRepository {
  constructor(@Inject(AUTHORIZATION_DB) private readonly db: AuthorizationDb) {}

  async search(query: JournalQueryDto): Promise<JournalPage> {
    const limit = query.limit ?? 50;
    const where: Prisma.TransactionWhereInput = {
      terminalId: query.terminalId,
      merchantId: query.merchantId,
      businessDay: query.businessDay ? new Date(`${query.businessDay}T00:00:00Z`) : undefined,
      createdAt: query.from || query.to ? { gte: query.from ? new Date(query.from) : undefined, lt: query.to ? new Date(query.to) : undefined } : undefined,
      amountMinor:
        query.amountMin || query.amountMax
          ? { gte: query.amountMin ? BigInt(query.amountMin) : undefined, lte: query.amountMax ? BigInt(query.amountMax) : undefined }
          : undefined,
      cardToken: query.cardToken,
      maskedPan: query.maskedPan,
      rrn: query.rrn,
      approvalCode: query.approvalCode?.trim(),
      responseCode: query.responseCode,
      status: query.status,
      operation: query.operation,
    };
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const rows = await this.db.transaction.findMany({
      where: after ? { AND: [where, { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }] } : where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(last) : undefined };
  }
}

function encodeCursor(row: Pick<Transaction, 'createdAt' | 'id'>): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id ?? '')) throw new BadRequestException('cursor must be the nextCursor of a previous page');
  return { createdAt, id: id };
}
