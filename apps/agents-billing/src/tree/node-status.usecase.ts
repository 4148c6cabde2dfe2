import { Injectable } from '@nestjs/common';

import type { AgentNode, NodeStatus } from './agent-node';
import { AgentNodeRepository } from './agent-node.repository';

export type NodeStatusOutcome = { readonly kind: 'set'; readonly node: AgentNode } | { readonly kind: 'not_found' };

/**
 * Blocks or unblocks one node. Its subtree follows without a write of its own: a node is blocked
 * when it or an ancestor is (read with one recursive statement when a node pays or is funded).
 * Unblocking a node leaves a blocked ancestor's block in place.
 */
@Injectable()
export class NodeStatusUseCase {
  constructor(private readonly nodes: AgentNodeRepository) {}

  async execute(nodeId: string, status: NodeStatus): Promise<NodeStatusOutcome> {
    const node = await this.nodes.setStatus(nodeId, status);
    return node ? { kind: 'set', node } : { kind: 'not_found' };
  }
}
