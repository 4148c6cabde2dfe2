import type { AlertCondition } from '../alert';
import type { AlertThresholds } from '../rules/alert-rule';
import type { NodeFigures } from './node-figures';

const nodeLabel = (node: NodeFigures) => `${node.level} "${node.name}" (${node.nodeId})`;

/** low-balance when the available amount is below the rule's threshold; undefined when it is not (or the rule has none). */
export function lowBalanceOf(node: NodeFigures, rule: AlertThresholds): AlertCondition | undefined {
  if (rule.belowAvailable === null || node.available >= rule.belowAvailable) return undefined;
  return {
    kind: 'low-balance',
    subjectId: node.nodeId,
    nodeId: node.nodeId,
    summary: `${nodeLabel(node)} has ${node.available} ${node.currency} minor units available, below ${rule.belowAvailable}`,
    facts: { currency: node.currency, available: node.available.toString(), belowAvailable: rule.belowAvailable.toString() },
  };
}

/** used ≥ percent% of limit, in integers; a limit of 0 (none granted) is never nearly used. */
const reached = (used: bigint, limit: bigint, percent: number | null): boolean => percent !== null && limit > 0n && used * 100n >= BigInt(percent) * limit;

/**
 * limit-nearly-used when the drawn credit reaches the rule's percent of the credit limit, or the day's
 * payments its percent of the daily limit; when both do, the one more used is named (one alert per node).
 */
export function limitNearlyUsedOf(node: NodeFigures, rule: AlertThresholds): AlertCondition | undefined {
  const candidates = [
    { limit: 'credit' as const, used: node.creditUsed, of: node.creditLimit, percent: rule.creditUsedPercent },
    { limit: 'daily' as const, used: node.dailyUsed, of: node.dailyLimit ?? 0n, percent: rule.dailyUsedPercent },
  ].filter((c) => reached(c.used, c.of, c.percent));
  if (candidates.length === 0) return undefined;
  // used/of compared as fractions in integers: a/b ≥ c/d ⇔ a·d ≥ c·b.
  const worst = candidates.reduce((a, b) => (b.used * a.of > a.used * b.of ? b : a));
  return {
    kind: 'limit-nearly-used',
    subjectId: node.nodeId,
    nodeId: node.nodeId,
    summary: `${nodeLabel(node)} has used ${worst.used} of its ${worst.limit} limit ${worst.of} ${node.currency} minor units (alert at ${worst.percent}%)`,
    facts: { currency: node.currency, limit: worst.limit, used: worst.used.toString(), limitAmount: worst.of.toString(), percent: worst.percent ?? 0 },
  };
}
