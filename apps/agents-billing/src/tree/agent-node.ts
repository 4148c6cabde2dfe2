/** The levels of the tree: a dealer is a root; below it agents; below an agent sub-agents, to any depth. */
export const NODE_LEVELS = ['dealer', 'agent', 'sub-agent'] as const;
export type NodeLevel = (typeof NODE_LEVELS)[number];

export const NODE_STATUSES = ['active', 'blocked'] as const;
export type NodeStatus = (typeof NODE_STATUSES)[number];

/** Minor units of the node's currency; null = no such limit. */
export interface NodeLimits {
  /** How far the node's account may go below zero (debits past credits). */
  readonly creditLimit: bigint;
  /** The most one payment may be. */
  readonly paymentLimit: bigint | null;
  /** The most the node's payments of one UTC day may sum to. */
  readonly dailyLimit: bigint | null;
}

export interface AgentNode extends NodeLimits {
  readonly id: string;
  readonly parentId: string | null;
  readonly level: NodeLevel;
  readonly name: string;
  readonly currency: string;
  /** The node's own status; a node is also blocked when an ancestor is (see blockedBy). */
  readonly status: NodeStatus;
  readonly ledgerAccountId: string;
  readonly commissionAccountId: string;
  readonly createdAt: Date;
}

/** A dealer's children are agents; the children of an agent or a sub-agent are sub-agents. */
export function childLevelOf(parent: NodeLevel): NodeLevel {
  return parent === 'dealer' ? 'agent' : 'sub-agent';
}

/** The ledger's word for a node's account kind (the ledger takes lower-case words and underscores). */
export const LEDGER_KIND_OF: Record<NodeLevel, string> = { dealer: 'dealer', agent: 'agent', 'sub-agent': 'sub_agent' };

/**
 * The first blocked node of an ancestry (the node itself first, its root last): a node is blocked
 * when it or any ancestor is. Undefined when the whole line is active.
 */
export function blockedBy(ancestry: readonly AgentNode[]): AgentNode | undefined {
  return ancestry.find((node) => node.status === 'blocked');
}
