import { ALERT_KINDS, type AlertKind } from '../alert';

/** Who is told: an operator's mailbox, a webhook URL, or the dealer of the alert's node (its stored contact). */
export type AlertRecipient =
  { readonly type: 'email'; readonly address: string } | { readonly type: 'webhook'; readonly url: string } | { readonly type: 'dealer' };

export interface AlertThresholds {
  /** low-balance: raised while the node's available amount (minor units) is below this. */
  readonly belowAvailable: bigint | null;
  /** limit-nearly-used: raised while the drawn credit is at least this percent of the credit limit. */
  readonly creditUsedPercent: number | null;
  /** limit-nearly-used: raised while the day's payments are at least this percent of the daily limit. */
  readonly dailyUsedPercent: number | null;
}

export interface AlertRuleDefinition extends AlertThresholds {
  readonly kind: AlertKind;
  /** The root of the subtree the rule covers (null: every node, and the alerts about no node). */
  readonly nodeId: string | null;
  readonly recipients: readonly AlertRecipient[];
}

export interface AlertRule extends AlertRuleDefinition {
  readonly id: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** The defaults when no rule of a kind covers a node: below 100.00 of a two-decimal currency; 90% of a limit. */
export const DEFAULT_BELOW_AVAILABLE = 10_000n;
export const DEFAULT_USED_PERCENT = 90;
export const MAX_RECIPIENTS = 20;

const NO_THRESHOLDS: AlertThresholds = { belowAvailable: null, creditUsedPercent: null, dailyUsedPercent: null };

/** The rule in force for a kind nothing was configured for: the configured operators and the node's dealer are told. */
export function defaultAlertRule(kind: AlertKind, operators: readonly AlertRecipient[]): AlertRuleDefinition {
  const thresholds: Record<AlertKind, AlertThresholds> = {
    'low-balance': { ...NO_THRESHOLDS, belowAvailable: DEFAULT_BELOW_AVAILABLE },
    'limit-nearly-used': { ...NO_THRESHOLDS, creditUsedPercent: DEFAULT_USED_PERCENT, dailyUsedPercent: DEFAULT_USED_PERCENT },
    'payee-gateway-down': NO_THRESHOLDS,
    'registry-not-delivered': NO_THRESHOLDS,
    'voucher-stock-low': NO_THRESHOLDS,
  };
  return { kind, nodeId: null, ...thresholds[kind], recipients: [...operators, { type: 'dealer' }] };
}

/**
 * The rule that applies to a subject of this kind: among the rules of the kind, the one whose subtree
 * root is the nearest ancestor in `path` (the node's ancestry, root first, the node last), else the
 * rule for every node, else the default. One rule applies whole (thresholds and recipients), so a
 * subtree's rule can both tighten a threshold and name other recipients.
 */
export function applicableRule(
  kind: AlertKind,
  path: readonly string[],
  rules: readonly AlertRuleDefinition[],
  operators: readonly AlertRecipient[],
): AlertRuleDefinition {
  let best: AlertRuleDefinition | undefined;
  let bestDepth = -1;
  for (const rule of rules) {
    if (rule.kind !== kind) continue;
    const depth = rule.nodeId === null ? 0 : path.indexOf(rule.nodeId) + 1;
    if (depth === 0 && rule.nodeId !== null) continue;
    if (depth > bestDepth) [best, bestDepth] = [rule, depth];
  }
  return best ?? defaultAlertRule(kind, operators);
}

/** What is wrong with a rule, naming the field; undefined when it may be stored. */
export function alertRuleProblem(rule: AlertRuleDefinition): string | undefined {
  if (!ALERT_KINDS.includes(rule.kind)) return `kind: must be one of ${ALERT_KINDS.join(', ')}`;
  if (rule.kind === 'low-balance' && rule.belowAvailable === null) return 'belowAvailable: required for a low-balance rule (minor units)';
  if (rule.kind !== 'low-balance' && rule.belowAvailable !== null) return `belowAvailable: only a low-balance rule has it, not ${rule.kind}`;
  const percents = rule.creditUsedPercent !== null || rule.dailyUsedPercent !== null;
  if (rule.kind === 'limit-nearly-used' && !percents) return 'creditUsedPercent: a limit-nearly-used rule needs creditUsedPercent or dailyUsedPercent';
  if (rule.kind !== 'limit-nearly-used' && percents) return `creditUsedPercent: only a limit-nearly-used rule has percents, not ${rule.kind}`;
  if (rule.recipients.length > MAX_RECIPIENTS) return `recipients: at most ${MAX_RECIPIENTS}`;
  return undefined;
}
