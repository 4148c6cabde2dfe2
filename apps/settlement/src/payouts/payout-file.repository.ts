import { Inject, Injectable } from '@nestjs/common';

import { settlementPayoutFileSentV1 } from '@payments/contracts';
import { OutboxWriter } from '@payments/messaging';
import { schemaOf } from '@payments/runtime';

import { SETTLEMENT_DB, SettlementDb } from '../database/settlement-db.provider';
import { deliveryStateOf, type FileDeliveryRow, FileQueueRepository } from '../files/file-queue.repository';
import type { MerchantPayout } from './merchant-payout.record';
import { type PayoutFile, payoutFileSentEventOf, type WrittenPayoutFile } from './payout-file';

const FILE_COLUMNS = `"id"::text AS "id", "batch_id"::text AS "batch_id", "acquirer_id", "business_day"::text AS "business_day", "sequence",
  "message_id", "created_at", "initiating_party", "requested_execution_date"::text AS "requested_execution_date", "file_name", "transaction_count",
  "held_count", "status", "attempts", "next_attempt_at", "last_error", "byte_length"::text AS "byte_length", "sha256", "destination", "delivered_at"`;

const MARK_DELIVERED = `UPDATE "payout_file" SET "status" = 'delivered', "attempts" = "attempts" + 1, "last_error" = NULL,
    "byte_length" = $2, "sha256" = $3, "destination" = $4, "delivered_at" = $5
  WHERE "id" = $1::uuid`;
const FIND_BY_ID = `SELECT ${FILE_COLUMNS} FROM "payout_file" WHERE "id" = $1::uuid`;
const LIST = `SELECT ${FILE_COLUMNS} FROM "payout_file"
  WHERE ($1::date IS NULL OR "business_day" = $1::date) AND ($2::text IS NULL OR "status" = $2)
  ORDER BY "business_day" DESC, "sequence" DESC LIMIT $3`;

interface FileRow extends FileDeliveryRow {
  readonly id: string;
  readonly batch_id: string;
  readonly acquirer_id: string;
  readonly business_day: string;
  readonly sequence: number;
  readonly message_id: string;
  readonly created_at: Date | string;
  readonly initiating_party: string;
  readonly requested_execution_date: string;
  readonly file_name: string;
  readonly transaction_count: number;
  readonly held_count: number;
}

export interface PayoutFileFilter {
  readonly businessDay?: string;
  readonly status?: PayoutFile['status'];
}

/** The only code that touches payout_file's delivery (plain SQL, PostgreSQL and PGlite). */
@Injectable()
export class PayoutFileRepository extends FileQueueRepository<PayoutFile> {
  private readonly outbox = new OutboxWriter(schemaOf('settlement'));

  constructor(@Inject(SETTLEMENT_DB) db: SettlementDb) {
    super(db, 'payout_file', FILE_COLUMNS, (row) => fileOf(row as FileRow));
  }

  /** Delivered: its size, SHA-256, where, when, and `settlement.payout-file.sent.v1` in the outbox (key: acquirer id), in one transaction. */
  async markDelivered(file: PayoutFile, payouts: readonly MerchantPayout[], written: WrittenPayoutFile, destination: string, at: Date): Promise<void> {
    const event = payoutFileSentEventOf(file, payouts, written, destination, at);
    const params = [file.id, written.byteLength, written.sha256, destination, at];
    await this.markDeliveredWith(MARK_DELIVERED, params, this.outbox.row(settlementPayoutFileSentV1, event, { key: file.acquirerId }));
  }

  async findById(id: string): Promise<PayoutFile | undefined> {
    const [row] = await this.db.query<FileRow>(FIND_BY_ID, [id]);
    return row && fileOf(row);
  }

  /** Newest business day first. */
  async list(filter: PayoutFileFilter, limit: number): Promise<PayoutFile[]> {
    const rows = await this.db.query<FileRow>(LIST, [filter.businessDay ?? null, filter.status ?? null, limit]);
    return rows.map(fileOf);
  }
}

function fileOf(row: FileRow): PayoutFile {
  return {
    id: row.id,
    batchId: row.batch_id,
    acquirerId: row.acquirer_id,
    businessDay: row.business_day,
    sequence: Number(row.sequence),
    messageId: row.message_id,
    createdAt: new Date(row.created_at),
    initiatingParty: row.initiating_party,
    requestedExecutionDate: row.requested_execution_date,
    fileName: row.file_name,
    transactionCount: Number(row.transaction_count),
    heldCount: Number(row.held_count),
    ...deliveryStateOf(row),
    written: row.sha256 === null ? null : { byteLength: Number(row.byte_length), sha256: row.sha256 },
  };
}
