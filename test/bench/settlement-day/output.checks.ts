import { createReadStream } from 'node:fs';

import { type FieldValue, readLayoutRecords, shippedLayout } from '@payments/file-layout';
import type { SqlConnection } from '@payments/persistence';

/** What reading a file back found: its details and lines, and its trailer's values (the reader has checked them against the details). */
interface FileReadBack {
  readonly details: number;
  readonly lines: number;
  readonly trailer: Readonly<Record<string, FieldValue>>;
}

/** Reads a file in a shipped layout in one pass; the reader refuses a trailer that disagrees with the details (count, totals, checksum). */
async function readBack(layout: string, path: string, onDetail?: (values: Readonly<Record<string, FieldValue>>) => void): Promise<FileReadBack> {
  let details = 0;
  let lines = 0;
  let trailer: Readonly<Record<string, FieldValue>> = {};
  for await (const record of readLayoutRecords(shippedLayout(layout), createReadStream(path, { highWaterMark: 256 * 1024 }))) {
    lines += 1;
    if (record.kind === 'detail') {
      details += 1;
      onDetail?.(record.values);
    } else if (record.kind === 'trailer') trailer = record.values;
  }
  return { details, lines, trailer };
}

/** The acquirer file: one detail per line, header and trailer around them, the trailer's total the batch's net over every currency. */
export async function checkAcquirerFile(layout: string, path: string, lineCount: number, batchNetMinor: bigint): Promise<string[]> {
  const { details, lines, trailer } = await readBack(layout, path);
  const problems: string[] = [];
  if (details !== lineCount) problems.push(`${layout}: ${details} details for ${lineCount} lines`);
  if (lines !== lineCount + 2) problems.push(`${layout}: ${lines} records, not ${lineCount} + header + trailer`);
  if (trailer.totalAmountMinor !== batchNetMinor) problems.push(`${layout}: trailer total ${String(trailer.totalAmountMinor)}, batch net ${batchNetMinor}`);
  return problems;
}

/** A journal file: its D and C entries sum to the trailer's totals, and to each other. */
export async function checkJournalFile(path: string): Promise<{ problems: string[]; entries: number; debitMinor: bigint }> {
  let debitMinor = 0n;
  let creditMinor = 0n;
  const { details, trailer } = await readBack('journal-entries-csv', path, (values) => {
    if (values.debitCredit === 'D') debitMinor += values.amountMinor as bigint;
    else creditMinor += values.amountMinor as bigint;
  });
  const problems: string[] = [];
  if (debitMinor !== creditMinor) problems.push(`journal ${path}: debits ${debitMinor}, credits ${creditMinor}`);
  if (trailer.totalDebitMinor !== debitMinor || trailer.totalCreditMinor !== creditMinor)
    problems.push(`journal ${path}: trailer says ${String(trailer.totalDebitMinor)}/${String(trailer.totalCreditMinor)}, entries ${debitMinor}/${creditMinor}`);
  return { problems, entries: details, debitMinor };
}

/** The batch's postings: both entries of each equal per currency, and every line of the batch in exactly one posting. */
export async function checkPostings(db: SqlConnection, batchId: string, lineCount: number): Promise<{ problems: string[]; postings: number }> {
  const rows = await db.query<{ currency: string; postings: number; lines: string; debit: string; credit: string }>(
    `SELECT "p"."currency", count(DISTINCT "p"."id")::int AS "postings", (sum("p"."line_count") / 2)::text AS "lines",
        sum("e"."amount_minor") FILTER (WHERE "e"."side" = 'debit')::text AS "debit", sum("e"."amount_minor") FILTER (WHERE "e"."side" = 'credit')::text AS "credit"
      FROM "settlement_posting" AS "p" JOIN "settlement_posting_entry" AS "e" ON "e"."posting_id" = "p"."id"
      WHERE "p"."batch_id" = $1::uuid GROUP BY "p"."currency"`,
    [batchId],
  );
  const problems = rows.filter((r) => r.debit !== r.credit).map((r) => `postings in ${r.currency}: debits ${r.debit}, credits ${r.credit}`);
  const posted = rows.reduce((sum, r) => sum + Number(r.lines), 0);
  if (posted !== lineCount) problems.push(`postings cover ${posted} lines of ${lineCount}`);
  return { problems, postings: rows.reduce((sum, r) => sum + r.postings, 0) };
}
