import { Inject, Injectable } from '@nestjs/common';

import { Ledger } from '@payments/ledger';

import { AGENTS_BILLING_DB, AgentsBillingDb } from '../database/agents-billing-db.provider';
import { addTransferPostedEvents } from '../events/transfer-posted.outbox';
import { AgentNodeRepository } from '../tree/agent-node.repository';
import { NettingRepository } from './netting.repository';
import { dayBounds, isClosedDay, type Settlement } from './settlement';

export type NetDayOutcome = { readonly kind: 'netted'; readonly settlements: Settlement[] } | { readonly kind: 'day_not_closed' };

/**
 * Nets one closed UTC day: for each child its parent funded or that earned commissions that day,
 * the child's commissions are set off against what the parent funded it. 1. Decide the day's rows
 * (one per child, written once). 2. Post each settlement transfer, the child's commission account
 * to the parent's account, under an id derived from the child and the day. 3. Mark it settled with
 * its `agents.ledger.transfer-posted.v1` (kind settlement) in one transaction. Every step may run
 * again (a stopped process, another replica, an operator's re-run): nothing is posted twice.
 */
@Injectable()
export class NetDayUseCase {
  constructor(
    private readonly netting: NettingRepository,
    private readonly nodes: AgentNodeRepository,
    private readonly ledger: Ledger,
    @Inject(AGENTS_BILLING_DB) private readonly db: AgentsBillingDb,
  ) {}

  async execute(day: string, now: Date): Promise<NetDayOutcome> {
    if (!isClosedDay(day, now)) return { kind: 'day_not_closed' };
    const { start, end } = dayBounds(day);
    const decided = await this.netting.decideDay(day, start, end, now);
    for (const settlement of decided.filter((s) => s.status === 'decided')) await this.settle(settlement, now);
    return { kind: 'netted', settlements: await this.netting.ofDay(day) };
  }

  private async settle(settlement: Settlement, now: Date): Promise<void> {
    const transferId = settlement.transferId as string;
    const [child, parent] = await this.nodes.ancestry(settlement.childId);
    if (!child || parent?.id !== settlement.parentId)
      throw new Error(`settlement of ${settlement.childId} for ${settlement.day}: the node or its parent is gone`);
    const request = {
      id: transferId,
      debitAccountId: child.commissionAccountId,
      creditAccountId: parent.ledgerAccountId,
      amount: settlement.commissions,
      currency: settlement.currency,
    };
    const transfer = await this.ledger.transfer({ ...request, reference: `settlement of ${settlement.childId} for ${settlement.day}` });
    await this.db.transaction(async (tx) => {
      if (!(await this.netting.markSettled(tx, settlement.childId, settlement.day, now))) return;
      await addTransferPostedEvents(tx, [{ transferId, kind: 'settlement', nodeId: settlement.childId, ...request, postedAt: transfer.createdAt }]);
    });
  }
}
