import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { Ledger } from '@payments/ledger';
import { findCurrencyByAlpha } from '@payments/money';

import { namedId } from '../accounts/named-id';
import { type AgentNode, childLevelOf, LEDGER_KIND_OF, type NodeLevel, type NodeLimits } from './agent-node';
import { AgentNodeRepository } from './agent-node.repository';

/** A dealer (no parent, its own currency) or a child under a parent (the parent's currency). */
export type OpenNodeCommand = {
  /** The caller's id for the node: opening it again with the same body returns it; absent = a new one. */
  readonly id?: string;
  readonly name: string;
  readonly limits: NodeLimits;
} & ({ readonly parentId: string } | { readonly currency: string });

export type OpenNodeOutcome =
  | { readonly kind: 'opened'; readonly node: AgentNode; readonly created: boolean }
  | { readonly kind: 'parent_not_found' }
  | { readonly kind: 'unknown_currency' }
  /** The id names another node (another parent, name or level). */
  | { readonly kind: 'id_taken'; readonly node: AgentNode };

/**
 * Opens a node of the tree: its ledger account (debits within credits plus its credit limit) and its
 * commission account first (the ledger makes creating them again a no-op), then its row.
 */
@Injectable()
export class OpenNodeUseCase {
  constructor(
    private readonly nodes: AgentNodeRepository,
    private readonly ledger: Ledger,
  ) {}

  async execute(command: OpenNodeCommand): Promise<OpenNodeOutcome> {
    let parent: AgentNode | undefined;
    if ('parentId' in command) {
      parent = await this.nodes.find(command.parentId);
      if (!parent) return { kind: 'parent_not_found' };
    } else if (!findCurrencyByAlpha(command.currency)) {
      return { kind: 'unknown_currency' };
    }
    const id = command.id ?? randomUUID();
    const level: NodeLevel = parent ? childLevelOf(parent.level) : 'dealer';
    const node: Omit<AgentNode, 'createdAt'> = {
      id,
      parentId: parent?.id ?? null,
      level,
      name: command.name,
      currency: parent?.currency ?? (command as { currency: string }).currency,
      status: 'active',
      ...command.limits,
      ledgerAccountId: id,
      commissionAccountId: namedId(`commission:${id}`),
    };
    const existing = await this.nodes.find(id);
    if (existing) return this.again(existing, node);
    await this.ledger.createAccounts([
      { id: node.ledgerAccountId, currency: node.currency, kind: LEDGER_KIND_OF[level], debitsMustNotExceedCredits: true, creditLimit: node.creditLimit },
      { id: node.commissionAccountId, currency: node.currency, kind: 'commission' },
    ]);
    if (!(await this.nodes.insert(node))) return this.again((await this.nodes.find(id)) as AgentNode, node);
    return { kind: 'opened', node: (await this.nodes.find(id)) as AgentNode, created: true };
  }

  private again(existing: AgentNode, asked: Omit<AgentNode, 'createdAt'>): OpenNodeOutcome {
    const same = existing.parentId === asked.parentId && existing.name === asked.name && existing.currency === asked.currency;
    return same ? { kind: 'opened', node: existing, created: false } : { kind: 'id_taken', node: existing };
  }
}
