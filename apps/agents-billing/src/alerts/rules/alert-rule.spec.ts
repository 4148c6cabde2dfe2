import { type AlertRuleDefinition, alertRuleProblem, applicableRule, DEFAULT_BELOW_AVAILABLE, defaultAlertRule } from './alert-rule';

const rule = (over: Partial<AlertRuleDefinition>): AlertRuleDefinition => ({
  kind: 'low-balance',
  nodeId: null,
  belowAvailable: 1_000n,
  creditUsedPercent: null,
  dailyUsedPercent: null,
  recipients: [],
  ...over,
});

describe(applicableRule.name, () => {
  const path = ['dealer', 'agent', 'kiosk'];
  const ops = [{ type: 'email' as const, address: 'ops@example.test' }];
  const everywhere = rule({ belowAvailable: 1n });
  const dealers = rule({ nodeId: 'dealer', belowAvailable: 2n });
  const agents = rule({ nodeId: 'agent', belowAvailable: 3n });

  it("takes the rule of the node's nearest ancestor, whatever the order the rules come in", () => {
    expect(applicableRule('low-balance', path, [agents, everywhere, dealers], ops)).toBe(agents);
    expect(applicableRule('low-balance', ['dealer', 'other'], [agents, everywhere, dealers], ops)).toBe(dealers);
  });

  it("takes the rule for every node when no ancestor has one, and never another subtree's or another kind's", () => {
    const elsewhere = rule({ nodeId: 'elsewhere', belowAvailable: 9n });
    const otherKind = rule({ kind: 'limit-nearly-used', nodeId: 'kiosk', belowAvailable: null, creditUsedPercent: 50 });
    expect(applicableRule('low-balance', path, [elsewhere, otherKind, everywhere], ops)).toBe(everywhere);
    expect(applicableRule('low-balance', [], [elsewhere, everywhere], ops)).toBe(everywhere);
  });

  it('falls back to the documented default: below 10000 minor units, 90% of either limit, the operators and the dealer told', () => {
    expect(applicableRule('low-balance', path, [rule({ nodeId: 'elsewhere' })], ops)).toEqual({
      kind: 'low-balance',
      nodeId: null,
      belowAvailable: DEFAULT_BELOW_AVAILABLE,
      creditUsedPercent: null,
      dailyUsedPercent: null,
      recipients: [...ops, { type: 'dealer' }],
    });
    expect(DEFAULT_BELOW_AVAILABLE).toBe(10_000n);
    expect(defaultAlertRule('limit-nearly-used', [])).toMatchObject({ belowAvailable: null, creditUsedPercent: 90, dailyUsedPercent: 90 });
    expect(defaultAlertRule('payee-gateway-down', [])).toMatchObject({ belowAvailable: null, creditUsedPercent: null, dailyUsedPercent: null });
  });
});

describe(alertRuleProblem.name, () => {
  it.each([
    [rule({ belowAvailable: null }), 'belowAvailable: required for a low-balance rule (minor units)'],
    [rule({ kind: 'payee-gateway-down' }), 'belowAvailable: only a low-balance rule has it, not payee-gateway-down'],
    [rule({ kind: 'limit-nearly-used', belowAvailable: null }), 'creditUsedPercent: a limit-nearly-used rule needs creditUsedPercent or dailyUsedPercent'],
    [rule({ dailyUsedPercent: 80 }), 'creditUsedPercent: only a limit-nearly-used rule has percents, not low-balance'],
    [rule({ recipients: Array.from({ length: 21 }, () => ({ type: 'dealer' as const })) }), 'recipients: at most 20'],
  ])('refuses %#, naming the field', (definition, problem) => {
    expect(alertRuleProblem(definition)).toBe(problem);
  });

  it('takes a rule of each kind with its own thresholds', () => {
    expect(alertRuleProblem(rule({}))).toBeUndefined();
    expect(alertRuleProblem(rule({ kind: 'limit-nearly-used', belowAvailable: null, dailyUsedPercent: 80 }))).toBeUndefined();
    expect(
      alertRuleProblem(rule({ kind: 'voucher-stock-low', belowAvailable: null, recipients: [{ type: 'webhook', url: 'https://x.test/h' }] })),
    ).toBeUndefined();
  });
});
