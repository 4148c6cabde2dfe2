/** What the balance pass reads of one node, in one set-based query over the nodes and their ledger accounts. */
export interface NodeFigures {
  readonly nodeId: string;
  readonly name: string;
  readonly level: string;
  readonly currency: string;
  /** The node's ancestry, root (its dealer) first, the node last. */
  readonly path: readonly string[];
  /** credits − debits (posted and pending) + credit limit, never below 0 (what the node may still spend). */
  readonly available: bigint;
  readonly creditLimit: bigint;
  /** How much of the credit limit is drawn: debits (posted and pending) − credits, never below 0. */
  readonly creditUsed: bigint;
  readonly dailyLimit: bigint | null;
  /** The node's payments of the UTC day (reserved or posted). */
  readonly dailyUsed: bigint;
}
