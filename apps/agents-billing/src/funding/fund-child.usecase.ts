import { Inject, Injectable } from '@nestjs/common';

import { Ledger, LedgerError, type Transfer } from '@payments/ledger';

import { AGENTS_BILLING_DB, AgentsBillingDb } from '../database/agents-billing-db.provider';
import { addTransferPostedEvents } from '../events/transfer-posted.outbox';
import { type AgentNode, blockedBy } from '../tree/agent-node';
import { AgentNodeRepository } from '../tree/agent-node.repository';
import { availableOf } from '../tree/node-balance';

export interface FundChildCommand {
  /** The caller's id: the same id and body again returns the first funding; another body is refused. */
  readonly fundingId: string;
  readonly childId: string;
  readonly amount: bigint;
}

export type FundChildOutcome =
  | { readonly kind: 'funded'; readonly transfer: Transfer; readonly parent: AgentNode; readonly child: AgentNode }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'dealer_has_no_parent' }
  /** The child or an ancestor (the parent among them) is blocked. */
  | { readonly kind: 'blocked'; readonly blockedNodeId: string }
  /** The parent's balance plus its credit limit does not cover the amount. */
  | { readonly kind: 'parent_limit_exceeded'; readonly available: bigint }
  | { readonly kind: 'id_reused' };

/**
 * A parent funds its child from its own balance: one ledger transfer parent -> child, within the
 * parent's credit limit (the ledger's atomic check), idempotent by the caller's id, then its
 * `agents.ledger.transfer-posted.v1` event (a retry that finds the transfer posted writes the
 * event again if the first attempt stopped before it: at least once, keyed by the transfer id).
 */
@Injectable()
export class FundChildUseCase {
  constructor(
    private readonly nodes: AgentNodeRepository,
    private readonly ledger: Ledger,
    @Inject(AGENTS_BILLING_DB) private readonly db: AgentsBillingDb,
  ) {}

  async execute({ fundingId, childId, amount }: FundChildCommand): Promise<FundChildOutcome> {
    const ancestry = await this.nodes.ancestry(childId);
    const [child, parent] = ancestry;
    if (!child) return { kind: 'not_found' };
    if (!parent) return { kind: 'dealer_has_no_parent' };
    const request = { id: fundingId, debitAccountId: parent.ledgerAccountId, creditAccountId: child.ledgerAccountId, amount, currency: child.currency };
    const blocked = blockedBy(ancestry);
    if (blocked && !(await this.alreadyPosted(request))) return { kind: 'blocked', blockedNodeId: blocked.id };
    let transfer: Transfer;
    try {
      transfer = await this.ledger.transfer({ ...request, reference: `funding of ${child.id}` });
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      if (error.code === 'exceeds_credits') return { kind: 'parent_limit_exceeded', available: availableOf(await this.ledger.account(parent.ledgerAccountId)) };
      if (error.code === 'id_reused_with_different_body') return { kind: 'id_reused' };
      throw error;
    }
    await this.db.transaction((tx) =>
      addTransferPostedEvents(tx, [{ transferId: transfer.id, kind: 'funding', nodeId: child.id, ...request, postedAt: transfer.createdAt }]),
    );
    return { kind: 'funded', transfer, parent, child };
  }

  /** A replay of a funding made before the block answers as it did. */
  private async alreadyPosted(request: { id: string; debitAccountId: string; creditAccountId: string; amount: bigint }): Promise<boolean> {
    const posted = await this.ledger.findTransfer(request.id);
    return posted?.debitAccountId === request.debitAccountId && posted.creditAccountId === request.creditAccountId && posted.amount === request.amount;
  }
}
