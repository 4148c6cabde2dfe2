import { type AgentNode, blockedBy, childLevelOf } from './agent-node';

const node = (id: string, status: AgentNode['status'] = 'active'): AgentNode => ({
  id,
  parentId: null,
  level: 'agent',
  name: id,
  currency: 'EUR',
  status,
  creditLimit: 0n,
  paymentLimit: null,
  dailyLimit: null,
  ledgerAccountId: id,
  commissionAccountId: id,
  createdAt: new Date(0),
});

describe('agent tree rules', () => {
  it.each([
    ['dealer', 'agent'],
    ['agent', 'sub-agent'],
    ['sub-agent', 'sub-agent'],
  ] as const)("a %s's children are %ss", (parent, child) => {
    expect(childLevelOf(parent)).toBe(child);
  });

  it('finds a node blocked by itself or by the nearest blocked ancestor, and none on an active line', () => {
    expect(blockedBy([node('sub'), node('agent'), node('dealer')])).toBeUndefined();
    expect(blockedBy([node('sub'), node('agent'), node('dealer', 'blocked')])?.id).toBe('dealer');
    expect(blockedBy([node('sub'), node('agent', 'blocked'), node('dealer', 'blocked')])?.id).toBe('agent');
    expect(blockedBy([node('sub', 'blocked'), node('agent')])?.id).toBe('sub');
  });
});
