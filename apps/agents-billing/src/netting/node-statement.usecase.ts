import { Injectable } from '@nestjs/common';

import { type Balances, Ledger } from '@payments/ledger';

import type { AgentNode } from '../tree/agent-node';
import { AgentNodeRepository } from '../tree/agent-node.repository';
import { NettingRepository } from './netting.repository';
import { dayBounds, isClosedDay, type Settlement } from './settlement';
import { type StatementAccountRole, type StatementSection, statementSectionOf } from './statement';

/** The most days one statement may cover. */
export const MAX_STATEMENT_DAYS = 366;

/** A node's statement for the UTC days `from` to `to`: each of its accounts balanced, and the settlements of those days. */
export interface NodeStatement {
  readonly node: AgentNode;
  readonly from: string;
  readonly to: string;
  readonly periodStart: Date;
  readonly periodEnd: Date;
  /** The node's own account, then its commission account. */
  readonly sections: readonly StatementSection[];
  /** The days' nettings the node took part in, as the child (with its parent) or as the parent (with each child). */
  readonly settlements: readonly Settlement[];
}

export type NodeStatementOutcome =
  { readonly kind: 'statement'; readonly statement: NodeStatement } | { readonly kind: 'not_found' } | { readonly kind: 'day_not_closed' };

const postedBalanceOf = (balances: Balances): bigint => balances.creditsPosted - balances.debitsPosted;

/**
 * A node's statement re-computed from the ledger, identically every time for closed days: the
 * opening and closing posted balances of each account (`balancesAt` just before the period and at
 * its last millisecond), the period's posted transfers totalled per kind, and opening + movements =
 * closing checked (a statement that does not add up is an error, never an answer).
 */
@Injectable()
export class NodeStatementUseCase {
  constructor(
    private readonly nodes: AgentNodeRepository,
    private readonly netting: NettingRepository,
    private readonly ledger: Ledger,
  ) {}

  async execute(nodeId: string, from: string, to: string, now: Date): Promise<NodeStatementOutcome> {
    const node = await this.nodes.find(nodeId);
    if (!node) return { kind: 'not_found' };
    if (!isClosedDay(to, now)) return { kind: 'day_not_closed' };
    const periodStart = dayBounds(from).start;
    const periodEnd = dayBounds(to).end;
    const accounts: [StatementAccountRole, string][] = [
      ['node', node.ledgerAccountId],
      ['commission', node.commissionAccountId],
    ];
    const sections = await Promise.all(accounts.map(([role, accountId]) => this.section(role, accountId, periodStart, periodEnd)));
    return { kind: 'statement', statement: { node, from, to, periodStart, periodEnd, sections, settlements: await this.netting.ofNode(node.id, from, to) } };
  }

  private async section(role: StatementAccountRole, accountId: string, start: Date, end: Date): Promise<StatementSection> {
    const justBefore = (at: Date) => new Date(at.getTime() - 1); // the ledger's times are whole milliseconds
    const [opening, totals, closing] = await Promise.all([
      this.ledger.balancesAt(accountId, justBefore(start)),
      this.netting.movementTotals(accountId, start, end),
      this.ledger.balancesAt(accountId, justBefore(end)),
    ]);
    return statementSectionOf({ role, accountId, opening: postedBalanceOf(opening), totals, closing: postedBalanceOf(closing) });
  }
}
