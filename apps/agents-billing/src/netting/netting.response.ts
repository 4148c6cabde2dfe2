import type { NodeStatement } from './node-statement.usecase';
import type { Settlement } from './settlement';

const text = (amount: bigint): string => amount.toString();

export function settlementResponseOf(s: Settlement) {
  return {
    day: s.day,
    childId: s.childId,
    parentId: s.parentId,
    currency: s.currency,
    fundings: text(s.fundings),
    commissions: text(s.commissions),
    netDue: text(s.netDue),
    transferId: s.transferId,
    status: s.status,
    settledAt: s.settledAt?.toISOString() ?? null,
  };
}

/** Balances are posted credits − debits of the account; movements are signed the same way (a debit is negative). */
export function statementResponseOf(statement: NodeStatement) {
  const [account, commissionAccount] = statement.sections.map((section) => ({
    accountId: section.accountId,
    opening: text(section.opening),
    movements: Object.fromEntries(Object.entries(section.movements).map(([kind, amount]) => [kind, text(amount)])),
    closing: text(section.closing),
  }));
  return {
    nodeId: statement.node.id,
    level: statement.node.level,
    parentId: statement.node.parentId,
    currency: statement.node.currency,
    from: statement.from,
    to: statement.to,
    periodStart: statement.periodStart.toISOString(),
    periodEnd: statement.periodEnd.toISOString(),
    account,
    commissionAccount,
    settlements: statement.settlements.map(settlementResponseOf),
  };
}
