import { Inject, Injectable } from '@nestjs/common';

import { SETTLEMENT_DB, SettlementDb } from '../database/settlement-db.provider';
import { AcquirerFeeSchedule } from '../reconciliation/acquirer-fee.schedule';
import type { MerchantFundingFigures } from './funding-status';

/** One merchant's lines of one acquirer, business day and currency, and what the transfers paid for them. */
export interface MerchantFundingRow extends MerchantFundingFigures {
  readonly acquirerId: string;
  readonly merchantId: string;
  readonly businessDay: string;
  readonly currency: string;
  readonly paidLineCount: number;
  /** Our lines' amounts, signed (a credit to the card negative). */
  readonly grossMinor: bigint;
  /** The fees the acquirer should withhold: its configured rate on debit lines, else the fee it withheld, else none. */
  readonly expectedFeeMinor: bigint;
  /** What the acquirer owes the merchant for the day: gross minus the expected fees. */
  readonly expectedNetMinor: bigint;
  /** What the transfers paid: the paid lines' gross (signed) and the fees withheld on them. */
  readonly paidGrossMinor: bigint;
  readonly feeWithheldMinor: bigint;
  /** The references of the transfers that paid its lines. */
  readonly transferReferences: readonly string[];
}

export interface MerchantFundingFilter {
  readonly acquirerId?: string;
  readonly businessDay?: string;
  readonly merchantId?: string;
}

/** The position after the last row of a page, in the order: business day newest first, then acquirer, merchant, currency. */
export type MerchantFundingCursor = Pick<MerchantFundingRow, 'businessDay' | 'acquirerId' | 'merchantId' | 'currency'>;

const signed = (column: string) => `CASE WHEN "s"."direction" = 'debit' THEN ${column} ELSE -${column} END`;
/**
 * Our lines with the transfer line that paid each (paid, short or over), summed per acquirer,
 * merchant, business day and currency. The expected fee applies the configured rates as
 * AcquirerFeeSchedule.expectedFee does: the scheme's own rate else `*`, rounded half up, debits only.
 */
const PAGE = `WITH "rate" AS (
    SELECT * FROM unnest($8::text[], $9::text[], $10::bigint[], $11::bigint[]) AS "r"("acquirer_id", "scheme", "basis_points", "fixed_minor")),
  "line" AS (
    SELECT "s"."acquirer_id", "s"."merchant_id", "s"."business_day", "s"."currency", "p"."outcome", "p"."fee_minor" AS "withheld",
      ${signed('"s"."amount_minor"')} AS "ours",
      CASE WHEN "p"."direction" = 'debit' THEN "p"."gross_minor" ELSE -"p"."gross_minor" END AS "their_gross",
      coalesce(CASE WHEN "s"."direction" = 'debit' THEN (SELECT ("s"."amount_minor" * "r"."basis_points" + 5000) / 10000 + "r"."fixed_minor" FROM "rate" AS "r"
        WHERE "r"."acquirer_id" = "s"."acquirer_id" AND "r"."scheme" IN (coalesce("s"."scheme", "p"."scheme", ''), '*') ORDER BY "r"."scheme" = '*' LIMIT 1) END,
        "p"."fee_minor", 0) AS "expected_fee",
      "t"."transfer_reference"
    FROM "settlement_line" AS "s"
      LEFT JOIN "acquirer_transfer_line" AS "p" ON "p"."our_transaction_id" = "s"."transaction_id" AND "p"."our_event" = "s"."event"
        AND "p"."outcome" IN ('paid', 'short', 'over')
      LEFT JOIN "acquirer_transfer" AS "t" ON "t"."id" = "p"."transfer_id"
    WHERE ($1::text IS NULL OR "s"."acquirer_id" = $1) AND ($2::date IS NULL OR "s"."business_day" = $2::date)
      AND ($3::text IS NULL OR "s"."merchant_id" = $3)
      AND ($4::date IS NULL OR "s"."business_day" < $4::date
        OR ("s"."business_day" = $4::date AND ("s"."acquirer_id", "s"."merchant_id", "s"."currency"::text) > ($5, $6, $7))))
  SELECT "acquirer_id", "merchant_id", "business_day"::text AS "business_day", "currency", count(*)::int AS "line_count",
    count("outcome")::int AS "paid_line_count", (count(*) FILTER (WHERE "outcome" = 'short'))::int AS "short_line_count",
    sum("ours")::text AS "gross", sum("expected_fee")::text AS "expected_fee", sum("ours" - "expected_fee")::text AS "expected_net",
    coalesce(sum("their_gross"), 0)::text AS "paid_gross", coalesce(sum("withheld"), 0)::text AS "withheld",
    coalesce(sum("their_gross" - "withheld"), 0)::text AS "paid_net",
    coalesce(sum("ours" - "expected_fee") FILTER (WHERE "outcome" IS NOT NULL), 0)::text AS "expected_paid_net",
    coalesce(array_agg(DISTINCT "transfer_reference") FILTER (WHERE "transfer_reference" IS NOT NULL), '{}') AS "transfer_references"
  FROM "line" GROUP BY "acquirer_id", "merchant_id", "business_day", "currency"
  ORDER BY "business_day" DESC, "acquirer_id", "merchant_id", "currency" LIMIT $12`;

/** Reads the merchant funding from the lines and the transfers that paid them (computed on read, nothing stored). */
@Injectable()
export class MerchantFundingRepository {
  constructor(
    @Inject(SETTLEMENT_DB) private readonly db: SettlementDb,
    private readonly fees: AcquirerFeeSchedule,
  ) {}

  /** One page in the order of MerchantFundingCursor, after `after` when given. */
  async page(filter: MerchantFundingFilter, after: MerchantFundingCursor | undefined, size: number): Promise<MerchantFundingRow[]> {
    const rates = this.fees.rows();
    const rows = await this.db.query<Record<string, string | number | string[]>>(PAGE, [
      filter.acquirerId ?? null,
      filter.businessDay ?? null,
      filter.merchantId ?? null,
      after?.businessDay ?? null,
      after?.acquirerId ?? null,
      after?.merchantId ?? null,
      after?.currency ?? null,
      rates.map((r) => r.acquirerId),
      rates.map((r) => r.scheme),
      rates.map((r) => r.basisPoints),
      rates.map((r) => r.fixedMinor.toString()),
      size,
    ]);
    return rows.map((row) => {
      const lineCount = Number(row.line_count);
      const paidLineCount = Number(row.paid_line_count);
      return {
        acquirerId: String(row.acquirer_id),
        merchantId: String(row.merchant_id),
        businessDay: String(row.business_day),
        currency: String(row.currency).trim(),
        lineCount,
        paidLineCount,
        unpaidLineCount: lineCount - paidLineCount,
        shortLineCount: Number(row.short_line_count),
        grossMinor: BigInt(row.gross as string),
        expectedFeeMinor: BigInt(row.expected_fee as string),
        expectedNetMinor: BigInt(row.expected_net as string),
        paidGrossMinor: BigInt(row.paid_gross as string),
        feeWithheldMinor: BigInt(row.withheld as string),
        paidNetMinor: BigInt(row.paid_net as string),
        expectedPaidNetMinor: BigInt(row.expected_paid_net as string),
        transferReferences: row.transfer_references as string[],
      };
    });
  }
}
