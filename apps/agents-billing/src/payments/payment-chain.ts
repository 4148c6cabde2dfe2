import { namedId } from '../accounts/named-id';
import type { PlatformAccountIds } from '../accounts/platform-accounts';
import { type CommissionRule, commissionOf } from '../commissions/commission-rule';
import type { AgentNode } from '../tree/agent-node';

export type ChainTransferKind = 'payment' | 'fee' | 'commission';

/** One transfer of a payment's linked chain, as decided when the payment was reserved. */
export interface ChainTransfer {
  readonly id: string;
  readonly kind: ChainTransferKind;
  /** The paying node (payment, fee) or the node that earned it (commission). */
  readonly nodeId: string;
  readonly debitAccountId: string;
  readonly creditAccountId: string;
  readonly amount: bigint;
}

export interface PaymentChainInput {
  readonly paymentId: string;
  /** The paying node first, its root (the dealer) last. */
  readonly ancestry: readonly AgentNode[];
  readonly amount: bigint;
  /** The payer's fee on top of the amount (the payee check's); 0 is no transfer. */
  readonly fee: bigint;
  /** The payee's rules, at most one per level. */
  readonly rules: readonly CommissionRule[];
  readonly accounts: PlatformAccountIds;
}

/**
 * The payment as ONE linked chain: the paying node's account debited the amount to the payee's
 * clearing account, the payer's fee from the same account to the platform's fee income, then each
 * level's commission (on the amount, not the fee), from the node up to the root, from the
 * platform's commission expense to that node's commission account (a zero fee or commission is no
 * transfer). Ids come from the payment id, so a retry posts the very same chain.
 */
export function paymentChainOf({ paymentId, ancestry, amount, fee, rules, accounts }: PaymentChainInput): ChainTransfer[] {
  const [payer] = ancestry;
  if (!payer) throw new Error('a payment needs its paying node');
  const payment: ChainTransfer = {
    id: namedId(`payment:${paymentId}`),
    kind: 'payment',
    nodeId: payer.id,
    debitAccountId: payer.ledgerAccountId,
    creditAccountId: accounts.payeeClearingId,
    amount,
  };
  const fees: ChainTransfer[] =
    fee === 0n
      ? []
      : [
          {
            id: namedId(`fee:${paymentId}`),
            kind: 'fee',
            nodeId: payer.id,
            debitAccountId: payer.ledgerAccountId,
            creditAccountId: accounts.feeIncomeId,
            amount: fee,
          },
        ];
  const commissions = ancestry.flatMap((node): ChainTransfer[] => {
    const rule = rules.find((r) => r.level === node.level);
    const commission = rule ? commissionOf(rule, amount) : 0n;
    if (commission === 0n) return [];
    return [
      {
        id: namedId(`commission:${paymentId}:${node.id}`),
        kind: 'commission',
        nodeId: node.id,
        debitAccountId: accounts.commissionExpenseId,
        creditAccountId: node.commissionAccountId,
        amount: commission,
      },
    ];
  });
  return [payment, ...fees, ...commissions];
}
