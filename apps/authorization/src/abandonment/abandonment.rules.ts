import { isReversedOnAbandonment } from '@payments/contracts';

import type { Transaction } from '../generated/prisma/client';

/** Not final yet: the outcome is still to come (from the host, or after the cashier's answer). */
const AWAITING_OUTCOME: ReadonlySet<string> = new Set(['pending', 'awaiting_cashier']);

/**
 * What a register's abandonment does to a transaction, as it stands when the report arrives.
 * reverse: approved, so it becomes unknown and its reversal is queued; await_outcome: the
 * approval to come is recorded as unknown and reversed instead; stands: nothing to reverse;
 * ignore: the report names another terminal's transaction, and is not kept.
 */
export type AbandonmentDecision = { kind: 'reverse' } | { kind: 'await_outcome' | 'stands' | 'ignore'; why: string };

export type AbandonedRow = Pick<Transaction, 'operation' | 'status' | 'terminalId' | 'returnedMinor' | 'completedMinor'>;

export function decideAbandonment(row: AbandonedRow | null, terminalId: string): AbandonmentDecision {
  if (!row) return { kind: 'await_outcome', why: 'not journaled yet (the request is still on its way)' };
  if (row.terminalId !== terminalId) return { kind: 'ignore', why: `the transaction belongs to terminal ${row.terminalId}` };
  if (!isReversedOnAbandonment(row.operation)) return { kind: 'stands', why: `a ${row.operation} is not reversed when its register gives up` };
  if (AWAITING_OUTCOME.has(row.status)) return { kind: 'await_outcome', why: `still ${row.status}` };
  if (row.status !== 'approved') return { kind: 'stands', why: `already ${row.status}: nothing to reverse` };
  // A follow-up on it means the register did learn the approval (or holds it by receipt).
  if (row.returnedMinor > 0n || row.completedMinor > 0n) return { kind: 'stands', why: 'a cancel, refund or completion already took part of it' };
  return { kind: 'reverse' };
}

/** Why an approved transaction became unknown when its register's abandonment arrived. */
export function abandonedApprovalReason(abandonmentReason: string): string {
  return `${abandonmentReason}: the approval is reversed`;
}
