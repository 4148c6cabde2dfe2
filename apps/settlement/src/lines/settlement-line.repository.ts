import { Inject, Injectable } from '@nestjs/common';

import { SETTLEMENT_DB, SettlementDb } from '../database/settlement-db.provider';
import { distinctLines, SettlementLine } from './settlement-line';

/**
 * One statement for a batch of lines (PostgreSQL and PGlite alike, following search_path). A line
 * is keyed by (transaction, event), so a redelivered event, or the same event twice in the batch,
 * is one line. A line whose own business day is already closed for its acquirer is late: it
 * counts on the day after the acquirer's latest closed day (an open day, as no day after it is
 * closed), flagged as such. A line that slips in while its day is being closed is picked up, as
 * late, by the next close (see the batch repository), so none is ever left out of a batch.
 */
const RECORD = `WITH "incoming" AS (
    SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
        $9::bigint[], $10::text[], $11::bigint[], $12::uuid[], $13::timestamptz[], $14::date[], $15::text[], $16::text[], $17::text[])
      AS "t"("transaction_id", "event", "acquirer_id", "merchant_id", "terminal_id", "scheme", "operation", "direction",
        "amount_minor", "currency", "fee_minor", "original_transaction_id", "occurred_at", "event_business_day", "rrn", "masked_pan", "approval_code")),
  "placed" AS (
    SELECT "i".*,
      EXISTS (SELECT 1 FROM "settlement_batch" AS "b" WHERE "b"."acquirer_id" = "i"."acquirer_id" AND "b"."business_day" = "i"."event_business_day") AS "late",
      (SELECT max("b"."business_day") FROM "settlement_batch" AS "b" WHERE "b"."acquirer_id" = "i"."acquirer_id") AS "last_closed_day"
    FROM "incoming" AS "i")
  INSERT INTO "settlement_line" ("transaction_id", "event", "acquirer_id", "merchant_id", "terminal_id", "scheme", "operation", "direction",
    "amount_minor", "currency", "fee_minor", "original_transaction_id", "occurred_at", "event_business_day", "business_day", "late", "rrn", "masked_pan", "approval_code")
  SELECT "transaction_id", "event", "acquirer_id", "merchant_id", "terminal_id", "scheme", "operation", "direction",
    "amount_minor", "currency", "fee_minor", "original_transaction_id", "occurred_at", "event_business_day",
    CASE WHEN "late" THEN "last_closed_day" + 1 ELSE "event_business_day" END, "late", "rrn", "masked_pan", "approval_code"
  FROM "placed" ORDER BY "transaction_id", "event"
  ON CONFLICT DO NOTHING`;

@Injectable()
export class SettlementLineRepository {
  constructor(@Inject(SETTLEMENT_DB) private readonly db: SettlementDb) {}

  /** Records each line once; returns how many were new. */
  async record(lines: readonly SettlementLine[]): Promise<number> {
    const unique = distinctLines(lines);
    if (unique.length === 0) return 0;
    const column = <T>(of: (line: SettlementLine) => T): T[] => unique.map(of);
    return this.db.execute(RECORD, [
      column((l) => l.transactionId),
      column((l) => l.event),
      column((l) => l.acquirerId),
      column((l) => l.merchantId),
      column((l) => l.terminalId),
      column((l) => l.scheme),
      column((l) => l.operation),
      column((l) => l.direction),
      column((l) => l.amountMinor.toString()),
      column((l) => l.currency),
      column((l) => l.feeMinor?.toString() ?? null),
      column((l) => l.originalTransactionId),
      column((l) => l.occurredAt),
      column((l) => l.eventBusinessDay),
      column((l) => l.rrn),
      column((l) => l.maskedPan),
      column((l) => l.approvalCode),
    ]);
  }
}
