import { Body, Controller, Get, NotFoundException, Param, Post, Query, Res, UnprocessableEntityException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { Ledger } from '@payments/ledger';
import { ApiErrorResponses, OperatorEndpoint, uuidParam } from '@payments/runtime';

import type { NodeLimits } from './agent-node';
import { historyResponseOf, nodeDetailResponseOf, nodeResponseOf } from './agent-node.response';
import { AgentNodeRepository } from './agent-node.repository';
import { HistoryQueryDto } from './dto/history-query.dto';
import { minorUnitsOf } from './dto/minor-units.decorator';
import type { NodeLimitsDto } from './dto/node-limits.dto';
import { OpenChildDto, OpenDealerDto } from './dto/open-node.dto';
import { type OpenNodeCommand, OpenNodeUseCase } from './open-node.usecase';

const limitsOf = (body: NodeLimitsDto): NodeLimits => ({
  creditLimit: minorUnitsOf(body.creditLimit) ?? 0n,
  paymentLimit: minorUnitsOf(body.paymentLimit) ?? null,
  dailyLimit: minorUnitsOf(body.dailyLimit) ?? null,
});

@ApiTags('agents')
@OperatorEndpoint('agents')
@Controller('v1/agents')
export class AgentNodesController {
  constructor(
    private readonly openNode: OpenNodeUseCase,
    private readonly nodes: AgentNodeRepository,
    private readonly ledger: Ledger,
  ) {}

  @Post('dealers')
  @ApiOperation({ summary: 'Open a dealer (a root of the tree) with its ledger account; 201, or 200 with the same node for the same id and body' })
  @ApiErrorResponses(400, 422)
  openDealer(@Body() body: OpenDealerDto, @Res({ passthrough: true }) response: Response) {
    return this.open({ id: body.id, name: body.name, currency: body.currency, limits: limitsOf(body) }, response);
  }

  @Post('nodes/:id/children')
  @ApiOperation({ summary: "Open a child under a node: an agent under a dealer, a sub-agent under an agent or a sub-agent, in the parent's currency" })
  @ApiErrorResponses(400, 404, 422)
  openChild(@Param('id', uuidParam('id')) parentId: string, @Body() body: OpenChildDto, @Res({ passthrough: true }) response: Response) {
    return this.open({ id: body.id, name: body.name, parentId, limits: limitsOf(body) }, response);
  }

  @Get('nodes/:id')
  @ApiOperation({
    summary:
      'A node with its balance (posted, pending, available = credits − debits + credit limit), commissions earned, and whether it or an ancestor is blocked',
  })
  @ApiErrorResponses(400, 404)
  async node(@Param('id', uuidParam('id')) id: string) {
    const ancestry = await this.nodes.ancestry(id);
    const node = ancestry[0];
    if (!node) throw new NotFoundException(`id: no node ${id}`);
    const [account, commissions] = await Promise.all([this.ledger.account(node.ledgerAccountId), this.ledger.account(node.commissionAccountId)]);
    return nodeDetailResponseOf(ancestry, account, commissions);
  }

  @Get('nodes/:id/children')
  @ApiOperation({ summary: "A node's children, oldest first (at most 1000)" })
  @ApiErrorResponses(400, 404)
  async children(@Param('id', uuidParam('id')) id: string) {
    if (!(await this.nodes.find(id))) throw new NotFoundException(`id: no node ${id}`);
    return (await this.nodes.children(id, 1000)).map(nodeResponseOf);
  }

  @Get('nodes/:id/tree')
  @ApiOperation({ summary: 'The node and its whole subtree (at most 10,000 nodes), each after its parent, with its depth below the node' })
  @ApiErrorResponses(400, 404)
  async tree(@Param('id', uuidParam('id')) id: string) {
    const subtree = await this.nodes.subtree(id, 10_000);
    if (subtree.length === 0) throw new NotFoundException(`id: no node ${id}`);
    return subtree.map(({ node, depth }) => ({ depth, ...nodeResponseOf(node) }));
  }

  @Get('nodes/:id/history')
  @ApiOperation({ summary: "The transfers of the node's account, oldest first, each with the balance right after it; page on with after=nextAfter" })
  @ApiErrorResponses(400, 404)
  async history(@Param('id', uuidParam('id')) id: string, @Query() query: HistoryQueryDto) {
    const node = await this.nodes.find(id);
    if (!node) throw new NotFoundException(`id: no node ${id}`);
    const page = await this.ledger.history(node.ledgerAccountId, {
      limit: query.limit ?? 100,
      after: query.after === undefined ? undefined : BigInt(query.after),
    });
    return historyResponseOf(page);
  }

  private async open(command: OpenNodeCommand, response: Response) {
    const outcome = await this.openNode.execute(command);
    switch (outcome.kind) {
      case 'opened':
        response.status(outcome.created ? 201 : 200);
        return nodeResponseOf(outcome.node);
      case 'parent_not_found':
        throw new NotFoundException(`id: no node ${(command as { parentId: string }).parentId} to open a child under`);
      case 'unknown_currency':
        throw new UnprocessableEntityException(`currency: ${(command as { currency: string }).currency} is not an ISO 4217 currency`);
      case 'id_taken':
        throw new UnprocessableEntityException(`id: node ${outcome.node.id} exists with another parent, name or currency`);
    }
  }
}
