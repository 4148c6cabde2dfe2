import type { NodeLevel } from '../tree/agent-node';

/** 100 % in basis points. */
export const FULL_BASIS_POINTS = 10_000n;

/** From this amount on (minor units, inclusive), the tier's percent and fixed part replace the rule's own. */
export interface CommissionTier {
  readonly fromAmount: bigint;
  readonly percentBasisPoints: bigint;
  readonly fixed: bigint;
}

/** What one level of the tree earns on a payment for one payee; amounts in minor units. */
export interface CommissionRule {
  readonly level: NodeLevel;
  readonly percentBasisPoints: bigint;
  readonly fixed: bigint;
  /** Ascending by fromAmount; the last one at most the amount applies. */
  readonly tiers: readonly CommissionTier[];
  readonly min: bigint | null;
  readonly max: bigint | null;
}

/** A payee's plan: at most one rule per level (a level without one earns nothing). */
export interface CommissionPlan {
  readonly payeeId: string;
  readonly rules: readonly CommissionRule[];
}

/** amount × basis points / 10,000, rounded half up (a half minor unit goes to the earner), in integers only. */
export function percentOf(amount: bigint, basisPoints: bigint): bigint {
  return (amount * basisPoints * 2n + FULL_BASIS_POINTS) / (2n * FULL_BASIS_POINTS);
}

/**
 * The commission of one level on a payment of `amount`: the tier of the amount (or the rule's own
 * percent and fixed part when no tier starts at or below it), percent rounded half up, plus the
 * fixed part, then raised to min and lowered to max.
 */
export function commissionOf(rule: CommissionRule, amount: bigint): bigint {
  const tier = rule.tiers.filter((t) => t.fromAmount <= amount).at(-1) ?? rule;
  let commission = percentOf(amount, tier.percentBasisPoints) + tier.fixed;
  if (rule.min !== null && commission < rule.min) commission = rule.min;
  if (rule.max !== null && commission > rule.max) commission = rule.max;
  return commission;
}

/** Why a plan cannot be kept, naming the field (`levels.1.max`); undefined when it is sound. */
export function planProblem(rules: readonly CommissionRule[]): string | undefined {
  for (const [i, rule] of rules.entries()) {
    if (rules.findIndex((r) => r.level === rule.level) !== i) return `levels.${i}.level: ${rule.level} is given twice`;
    if (rule.min !== null && rule.max !== null && rule.min > rule.max) return `levels.${i}.max: ${rule.max} is below min ${rule.min}`;
    for (const [j, tier] of rule.tiers.entries()) {
      const previous = rule.tiers[j - 1];
      if (previous && previous.fromAmount >= tier.fromAmount) {
        return `levels.${i}.tiers.${j}.fromAmount: tiers must ascend by fromAmount (${tier.fromAmount} after ${previous.fromAmount})`;
      }
    }
  }
  return undefined;
}
