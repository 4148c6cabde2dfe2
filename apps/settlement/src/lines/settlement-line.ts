import { TransactionAuthorized } from '@payments/contracts';
import { Envelope } from '@payments/messaging';

import { BusinessDayCalendar } from '../business-day/business-day.calendar';

/** Which transaction event a line comes from: each transaction has at most one of each. */
export type LineEvent = 'authorized' | 'reversed';
/** What the line does to the merchant's money: a debit of the card is owed to the merchant, a credit is owed back. */
export type LineDirection = 'debit' | 'credit';

export type LineFields = Pick<
  TransactionAuthorized,
  | 'transactionId'
  | 'originalTransactionId'
  | 'operation'
  | 'direction'
  | 'acquirerId'
  | 'merchantId'
  | 'terminalId'
  | 'cardScheme'
  | 'amountMinor'
  | 'currency'
  | 'occurredAt'
  | 'rrn'
  | 'maskedPan'
  | 'approvalCode'
>;

/** One money-moving transaction event, as settlement keeps it. */
export interface SettlementLine {
  readonly transactionId: string;
  readonly event: LineEvent;
  readonly acquirerId: string;
  readonly merchantId: string;
  readonly terminalId: string;
  readonly scheme: string | null;
  readonly operation: string;
  readonly direction: LineDirection;
  /** Always positive: the direction says which way it goes. */
  readonly amountMinor: bigint;
  readonly currency: string;
  /** Not carried by the transaction events yet: null until fees are known. */
  readonly feeMinor: bigint | null;
  readonly originalTransactionId: string | null;
  /** The host's retrieval reference number (ISO 8583 field 37): with the terminal, what the acquirer's report names the line by. */
  readonly rrn: string | null;
  /** The card as authorization masked it (first 6, last 4): never more of the number. */
  readonly maskedPan: string | null;
  /** The host's approval code (ISO 8583 field 38). */
  readonly approvalCode: string | null;
  readonly occurredAt: string;
  /** The business day the event's time falls in, by its acquirer's cut-off. */
  readonly eventBusinessDay: string;
}

const OPPOSITE: Record<LineDirection, LineDirection> = { debit: 'credit', credit: 'debit' };

/**
 * The lines of a batch of events of one kind. An approval keeps its direction (purchase, cash,
 * completion debit; refund, top-up and the cancel of a debit credit); a reversal takes its
 * operation back, so its line goes the opposite way and the day nets to what really moved.
 * What moves no money (direction none: preauthorization, balance, card read) has no line. An
 * event without an acquirer (older messages) belongs to the default acquirer.
 */
export function linesOf(messages: readonly Envelope<LineFields>[], event: LineEvent, calendar: BusinessDayCalendar): SettlementLine[] {
  const lines: SettlementLine[] = [];
  for (const { value } of messages) {
    const { direction = 'debit' } = value;
    if (direction === 'none') continue;
    const acquirerId = value.acquirerId ?? calendar.defaultAcquirer;
    lines.push({
      transactionId: value.transactionId,
      event,
      acquirerId,
      merchantId: value.merchantId,
      terminalId: value.terminalId,
      scheme: value.cardScheme ?? null,
      operation: value.operation,
      direction: event === 'authorized' ? direction : OPPOSITE[direction],
      amountMinor: BigInt(value.amountMinor),
      currency: value.currency,
      feeMinor: null,
      originalTransactionId: value.originalTransactionId ?? null,
      rrn: value.rrn ?? null,
      maskedPan: value.maskedPan ?? null,
      approvalCode: value.approvalCode ?? null,
      occurredAt: value.occurredAt,
      eventBusinessDay: calendar.cutOffOf(acquirerId).dayOf(new Date(value.occurredAt)),
    });
  }
  return lines;
}

/** The first line of each (transaction, event): an event delivered twice in a batch is one line. */
export function distinctLines(lines: readonly SettlementLine[]): SettlementLine[] {
  const seen = new Set<string>();
  return lines.filter((line) => {
    const key = `${line.transactionId}/${line.event}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
