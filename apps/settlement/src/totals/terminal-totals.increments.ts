import { TransactionAuthorized } from '@payments/contracts';
import { Envelope } from '@payments/messaging';

/** What an event does to its terminal's total: an approval is added, a reversal taken back out. */
export type Effect = 'add' | 'takeBack';

export type CountedFields = Pick<TransactionAuthorized, 'direction' | 'amountMinor' | 'businessDay' | 'terminalId' | 'currency'>;

/** One event's change to one total, counted once per (messageId, consumer) by the inbox. */
export interface TotalIncrement {
  readonly messageId: string;
  readonly consumer: string;
  readonly businessDay: string;
  readonly terminalId: string;
  readonly currency: string;
  /** +1 for an added operation, -1 for one taken back. */
  readonly count: number;
  /** Signed minor units: debits add, credits subtract; taking back negates. */
  readonly amountMinor: bigint;
}

/**
 * The increments of a batch for one consumer: debits (purchase, cash, completion) add, credits
 * (refund, top-up, the cancel of a debit) subtract, what moves no money (direction 'none') is left
 * out.
 */
export function incrementsOf(messages: readonly Envelope<CountedFields>[], consumer: string, effect: Effect): TotalIncrement[] {
  const increments: TotalIncrement[] = [];
  const sign = effect === 'add' ? 1n : -1n;
  for (const { id, value } of messages) {
    const { direction = 'debit', amountMinor, businessDay, terminalId, currency } = value;
    if (direction === 'none') continue;
    const amount = BigInt(amountMinor) * sign;
    increments.push({ messageId: id, consumer, businessDay, terminalId, currency, count: Number(sign), amountMinor: direction === 'debit' ? amount : -amount });
  }
  return increments;
}

/** The first increment of each (consumer, message): a message delivered twice in a batch counts once. */
export function distinctIncrements(increments: readonly TotalIncrement[]): TotalIncrement[] {
  const seen = new Set<string>();
  return increments.filter((i) => {
    const key = `${i.consumer}\u0000${i.messageId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The increments as one array per column, in column order, for an `unnest(...)` of one statement. */
export function columnsOf(increments: readonly TotalIncrement[]): [string[], string[], string[], string[], string[], number[], string[]] {
  return [
    increments.map((i) => i.messageId),
    increments.map((i) => i.consumer),
    increments.map((i) => i.businessDay),
    increments.map((i) => i.terminalId),
    increments.map((i) => i.currency),
    increments.map((i) => i.count),
    increments.map((i) => i.amountMinor.toString()),
  ];
}
