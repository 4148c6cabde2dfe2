import type { CommissionRule } from '../commissions/commission-rule';
import type { AgentNode, NodeLevel } from '../tree/agent-node';
import { paymentChainOf } from './payment-chain';

const node = (id: string, level: NodeLevel): AgentNode => ({
  id,
  parentId: null,
  level,
  name: id,
  currency: 'EUR',
  status: 'active',
  creditLimit: 0n,
  paymentLimit: null,
  dailyLimit: null,
  ledgerAccountId: `${id}-account`,
  commissionAccountId: `${id}-commission`,
  createdAt: new Date(0),
});
const rule = (level: NodeLevel, percentBasisPoints: bigint, fixed = 0n): CommissionRule => ({
  level,
  percentBasisPoints,
  fixed,
  tiers: [],
  min: null,
  max: null,
});
const accounts = { payeeClearingId: 'clearing', commissionExpenseId: 'expense', feeIncomeId: 'fees' };
const ancestry = [node('sub2', 'sub-agent'), node('sub1', 'sub-agent'), node('agent', 'agent'), node('dealer', 'dealer')];

describe(paymentChainOf.name, () => {
  it("debits the payer the amount to the payee and the fee to the platform, then pays every level's commission from the node up to the root", () => {
    const chain = paymentChainOf({
      paymentId: 'p1',
      ancestry,
      amount: 10_000n,
      fee: 35n,
      rules: [rule('sub-agent', 100n), rule('agent', 50n), rule('dealer', 0n, 7n)],
      accounts,
    });

    expect(chain.map(({ kind, nodeId, debitAccountId, creditAccountId, amount }) => [kind, nodeId, debitAccountId, creditAccountId, amount])).toEqual([
      ['payment', 'sub2', 'sub2-account', 'clearing', 10_000n],
      ['fee', 'sub2', 'sub2-account', 'fees', 35n],
      ['commission', 'sub2', 'expense', 'sub2-commission', 100n],
      ['commission', 'sub1', 'expense', 'sub1-commission', 100n],
      ['commission', 'agent', 'expense', 'agent-commission', 50n],
      ['commission', 'dealer', 'expense', 'dealer-commission', 7n],
    ]);
  });

  it('leaves out a zero fee and the levels that earn nothing, and gives the same ids for the same payment only', () => {
    const chain = paymentChainOf({ paymentId: 'p1', ancestry, amount: 10_000n, fee: 0n, rules: [rule('agent', 50n), rule('dealer', 0n)], accounts });
    expect(chain.map((t) => t.nodeId)).toEqual(['sub2', 'agent']);

    const again = paymentChainOf({ paymentId: 'p1', ancestry, amount: 10_000n, fee: 0n, rules: [rule('agent', 50n)], accounts });
    const other = paymentChainOf({ paymentId: 'p2', ancestry, amount: 10_000n, fee: 0n, rules: [rule('agent', 50n)], accounts });
    expect(again.map((t) => t.id)).toEqual(chain.map((t) => t.id));
    expect(new Set([...chain, ...other].map((t) => t.id)).size).toBe(4);
  });
});
