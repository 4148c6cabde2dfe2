import { Injectable } from '@nestjs/common';

import { Ledger, LedgerError } from '@payments/ledger';

import type { AgentNode, NodeLimits } from './agent-node';
import { AgentNodeRepository } from './agent-node.repository';

export interface ChangeLimitsCommand {
  readonly nodeId: string;
  /** Only the limits given change; null lifts a payment or daily limit. */
  readonly changes: Partial<NodeLimits>;
}

export type ChangeLimitsOutcome =
  | { readonly kind: 'changed'; readonly node: AgentNode }
  | { readonly kind: 'not_found' }
  /** The node's account already uses more than the new credit limit allows: nothing changed. */
  | { readonly kind: 'credit_limit_below_use'; readonly used: bigint };

/**
 * Changes a node's limits. The credit limit is the ledger's to enforce: it is changed there first
 * (refused when the account already uses more), then mirrored on the node's row.
 */
@Injectable()
export class ChangeLimitsUseCase {
  constructor(
    private readonly nodes: AgentNodeRepository,
    private readonly ledger: Ledger,
  ) {}

  async execute({ nodeId, changes }: ChangeLimitsCommand): Promise<ChangeLimitsOutcome> {
    const node = await this.nodes.find(nodeId);
    if (!node) return { kind: 'not_found' };
    if (changes.creditLimit !== undefined) {
      try {
        await this.ledger.changeCreditLimit(node.ledgerAccountId, changes.creditLimit);
      } catch (error) {
        if (!(error instanceof LedgerError) || error.code !== 'exceeds_credits') throw error;
        const account = await this.ledger.account(node.ledgerAccountId);
        return { kind: 'credit_limit_below_use', used: account.debitsPosted + account.debitsPending - account.creditsPosted };
      }
    }
    const limits: NodeLimits = {
      creditLimit: changes.creditLimit ?? node.creditLimit,
      paymentLimit: changes.paymentLimit === undefined ? node.paymentLimit : changes.paymentLimit,
      dailyLimit: changes.dailyLimit === undefined ? node.dailyLimit : changes.dailyLimit,
    };
    const changed = await this.nodes.setLimits(nodeId, limits);
    return changed ? { kind: 'changed', node: changed } : { kind: 'not_found' };
  }
}
