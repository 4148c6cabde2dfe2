import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** The columns the COPY fills, in the order of each generated row. */
const COLUMNS = [
  'transaction_id',
  'event',
  'acquirer_id',
  'merchant_id',
  'terminal_id',
  'scheme',
  'operation',
  'direction',
  'amount_minor',
  'currency',
  'original_transaction_id',
  'occurred_at',
  'event_business_day',
  'business_day',
  'rrn',
  'masked_pan',
  'approval_code',
] as const;

const DAY_MS = 86_400_000;
/** Rows joined into one string before they go to the COPY stream (about 300 KiB). */
const ROWS_PER_CHUNK = 2_000;
const NULL = '\\N';

/** What the generated lines add up to, per currency, to check the close against (minor units). */
export interface GeneratedTotals {
  readonly lines: number;
  readonly byCurrency: Map<string, { lines: number; debitMinor: bigint; creditMinor: bigint }>;
  readonly byKind: Map<string, number>;
}

/** A 32-bit integer hash (murmur3's finalizer): spreads consecutive indexes over the whole range. */
function spread(index: number): number {
  let x = Math.imul(index ^ (index >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * A transaction id of its own per line index, in a UUID v4 layout: unique by the index in its last
 * digits, and led by a hash of it so that, as with random ids, consecutive lines land all over
 * the primary key (deterministic, so a run can be repeated).
 */
const transactionIdOf = (index: number): string => `${spread(index).toString(16).padStart(8, '0')}-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;

/** How many merchants the lines spread over, and the id of each. */
export const MERCHANT_COUNT = 40;
export const merchantIdOf = (merchant: number): string => `MERCH${String(merchant).padStart(10, '0')}`;

/** The purchase's traits, from its line index: 40 merchants of 5 terminals, 4 schemes (one of 20 without), EUR and CZK. */
function purchaseOf(index: number) {
  const shop = index % 200;
  const schemeDigit = index % 10;
  const scheme = schemeDigit < 5 ? 'visa' : schemeDigit < 9 ? 'mastercard' : index % 20 === 9 ? null : 'mir';
  return {
    merchantId: merchantIdOf(shop % MERCHANT_COUNT),
    terminalId: `T${String(shop).padStart(7, '0')}`,
    scheme,
    currency: index % 7 === 0 ? 'CZK' : 'EUR',
    amountMinor: 100 + ((index * 7_919) % 49_901),
    rrn: String(600_000_000_000 + index),
    maskedPan: `${scheme === 'mastercard' ? 5 : 4}${String((index * 13) % 99_999).padStart(5, '0')}******${String(index % 10_000).padStart(4, '0')}`,
    approvalCode: String(100_000 + (index % 900_000)),
  };
}

/**
 * Line `index` of the day, by its place in each hundred: 92 purchases (debits), 5 refunds and 1
 * cancel of an earlier purchase (credits), and 2 reversals of earlier purchases (the reversed
 * event of the purchase's own transaction, a credit). Times spread evenly over the day.
 */
function lineOf(index: number, count: number, acquirerId: string, day: string, dayStart: number) {
  const place = index % 100;
  const occurredAt = new Date(dayStart + Math.floor((index * DAY_MS) / count)).toISOString();
  const common = { acquirerId, day, occurredAt };
  if (place < 92)
    return { ...common, ...purchaseOf(index), id: transactionIdOf(index), event: 'authorized', operation: 'purchase', direction: 'debit', original: null };
  if (place < 98) {
    const original = index - place;
    const purchase = purchaseOf(original);
    const refund = place < 97;
    const amountMinor = refund ? Math.max(1, Math.floor(purchase.amountMinor / 3)) : purchase.amountMinor;
    const operation = refund ? 'refund' : 'cancel';
    return {
      ...common,
      ...purchase,
      amountMinor,
      id: transactionIdOf(index),
      event: 'authorized',
      operation,
      direction: 'credit',
      original: transactionIdOf(original),
    };
  }
  // The 98th and 99th reverse the 0th and 1st purchase of their hundred: (transaction, 'reversed') is a line of its own.
  const original = index - 98;
  return { ...common, ...purchaseOf(original), id: transactionIdOf(original), event: 'reversed', operation: 'purchase', direction: 'credit', original: null };
}

/** The day's lines as COPY text rows, a chunk at a time, summing what they hold into `totals` on the way. */
function* copyRows(count: number, acquirerId: string, day: string, totals: GeneratedTotals): Generator<string> {
  const dayStart = Date.parse(`${day}T00:00:00Z`);
  let rows: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const l = lineOf(index, count, acquirerId, day, dayStart);
    const row = [
      l.id,
      l.event,
      l.acquirerId,
      l.merchantId,
      l.terminalId,
      l.scheme ?? NULL,
      l.operation,
      l.direction,
      l.amountMinor,
      l.currency,
      l.original ?? NULL,
      l.occurredAt,
      day,
      day,
      l.rrn,
      l.maskedPan,
      l.approvalCode,
    ];
    rows.push(row.join('\t'));
    const sums = totals.byCurrency.get(l.currency) ?? { lines: 0, debitMinor: 0n, creditMinor: 0n };
    sums.lines += 1;
    if (l.direction === 'debit') sums.debitMinor += BigInt(l.amountMinor);
    else sums.creditMinor += BigInt(l.amountMinor);
    totals.byCurrency.set(l.currency, sums);
    const kind = l.event === 'reversed' ? 'reversal' : l.operation;
    totals.byKind.set(kind, (totals.byKind.get(kind) ?? 0) + 1);
    if (rows.length === ROWS_PER_CHUNK) {
      yield `${rows.join('\n')}\n`;
      rows = [];
    }
  }
  if (rows.length > 0) yield `${rows.join('\n')}\n`;
}

/**
 * Loads `count` settlement lines of one acquirer and business day with COPY, generated as they
 * are sent (never all in memory), and returns what they add up to.
 */
export async function copySettlementLines(client: Client, count: number, acquirerId: string, day: string): Promise<GeneratedTotals> {
  const totals: GeneratedTotals = { lines: count, byCurrency: new Map(), byKind: new Map() };
  const copy = client.query(copyFrom(`COPY "settlement"."settlement_line" (${COLUMNS.map((c) => `"${c}"`).join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(copyRows(count, acquirerId, day, totals)), copy);
  return totals;
}
