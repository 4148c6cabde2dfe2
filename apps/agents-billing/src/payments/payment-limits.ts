import type { NodeLimits } from '../tree/agent-node';

/** Which of a node's limits refused a payment, and how much that limit had left. */
export interface LimitRefusal {
  readonly limit: 'payment' | 'daily' | 'credit';
  readonly available: bigint;
}

/**
 * The per-payment and daily limits (the credit limit is the ledger's own atomic check). `spentToday`
 * is what the node's payments of the day already reserved or posted.
 */
export function paymentLimitRefusal(limits: NodeLimits, amount: bigint, spentToday: bigint): LimitRefusal | undefined {
  if (limits.paymentLimit !== null && amount > limits.paymentLimit) return { limit: 'payment', available: limits.paymentLimit };
  if (limits.dailyLimit !== null && spentToday + amount > limits.dailyLimit) {
    const left = limits.dailyLimit - spentToday;
    return { limit: 'daily', available: left > 0n ? left : 0n };
  }
  return undefined;
}

/** The UTC calendar day of a moment: the day a daily limit counts (the same for every node, whatever its place). */
export const businessDayOf = (at: Date): string => at.toISOString().slice(0, 10);
