import type { Account, AccountHistoryEntry, HistoryPage } from '@payments/ledger';

import { type AgentNode, blockedBy } from './agent-node';
import { availableOf } from './node-balance';

const text = (amount: bigint | null): string | null => (amount === null ? null : amount.toString());

/** A node as operators see it: amounts as exact decimal text (JSON has no 64-bit integers). */
export function nodeResponseOf(node: AgentNode) {
  return {
    id: node.id,
    parentId: node.parentId,
    level: node.level,
    name: node.name,
    currency: node.currency,
    status: node.status,
    creditLimit: text(node.creditLimit),
    paymentLimit: text(node.paymentLimit),
    dailyLimit: text(node.dailyLimit),
    ledgerAccountId: node.ledgerAccountId,
    commissionAccountId: node.commissionAccountId,
    createdAt: node.createdAt.toISOString(),
  };
}

/** Balances of a ledger account; available = credits − debits (posted and pending) + credit limit. */
export function balanceResponseOf(account: Account) {
  return {
    posted: { debits: text(account.debitsPosted), credits: text(account.creditsPosted) },
    pending: { debits: text(account.debitsPending), credits: text(account.creditsPending) },
    creditLimit: text(account.creditLimit),
    available: text(availableOf(account)),
  };
}

/** The node with what it may spend, its commissions earned, and whether it or an ancestor blocks it. */
export function nodeDetailResponseOf(ancestry: readonly AgentNode[], account: Account, commissions: Account) {
  const node = ancestry[0];
  const blocker = blockedBy(ancestry);
  return {
    ...nodeResponseOf(node),
    effectiveStatus: blocker ? 'blocked' : 'active',
    blockedBy: blocker?.id ?? null,
    balance: balanceResponseOf(account),
    commissionsEarned: text(commissions.creditsPosted - commissions.debitsPosted),
  };
}

function historyEntryOf({ transfer, side, balancesAfter }: AccountHistoryEntry) {
  return {
    transferId: transfer.id,
    sequence: transfer.sequence.toString(),
    type: transfer.type,
    side,
    counterpartyAccountId: side === 'debit' ? transfer.creditAccountId : transfer.debitAccountId,
    amount: text(transfer.amount),
    currency: transfer.currency,
    reference: transfer.reference,
    createdAt: transfer.createdAt.toISOString(),
    balanceAfter: text(balancesAfter.creditsPosted - balancesAfter.debitsPosted),
  };
}

export function historyResponseOf(page: HistoryPage) {
  return { entries: page.entries.map(historyEntryOf), nextAfter: page.nextAfter?.toString() ?? null };
}
