import { Body, Controller, HttpCode, NotFoundException, Param, Patch, Post, UnprocessableEntityException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiErrorResponses, OperatorEndpoint, uuidParam } from '@payments/runtime';

import type { NodeStatus } from './agent-node';
import { nodeResponseOf } from './agent-node.response';
import { ChangeLimitsUseCase } from './change-limits.usecase';
import { minorUnitsOf } from './dto/minor-units.decorator';
import { NodeLimitsDto } from './dto/node-limits.dto';
import { NodeStatusUseCase } from './node-status.usecase';

/** What operators change on a node: its limits and whether it (and so its subtree) may move money. */
@ApiTags('agents')
@OperatorEndpoint('agents')
@Controller('v1/agents/nodes/:id')
export class NodeControlsController {
  constructor(
    private readonly changeLimits: ChangeLimitsUseCase,
    private readonly statuses: NodeStatusUseCase,
  ) {}

  @Patch('limits')
  @ApiOperation({ summary: 'Change the limits given (null lifts a payment or daily limit); the credit limit is changed in the ledger too' })
  @ApiErrorResponses(400, 404, 422)
  async limits(@Param('id', uuidParam('id')) id: string, @Body() body: NodeLimitsDto) {
    const changes = {
      ...(body.creditLimit !== undefined && { creditLimit: BigInt(body.creditLimit) }),
      ...(body.paymentLimit !== undefined && { paymentLimit: minorUnitsOf(body.paymentLimit) as bigint | null }),
      ...(body.dailyLimit !== undefined && { dailyLimit: minorUnitsOf(body.dailyLimit) as bigint | null }),
    };
    const outcome = await this.changeLimits.execute({ nodeId: id, changes });
    switch (outcome.kind) {
      case 'changed':
        return nodeResponseOf(outcome.node);
      case 'not_found':
        throw new NotFoundException(`id: no node ${id}`);
      case 'credit_limit_below_use':
        throw new UnprocessableEntityException(`creditLimit: the node's account already uses ${outcome.used} of credit: the limit cannot go below that`);
    }
  }

  @Post('block')
  @HttpCode(200)
  @ApiOperation({ summary: 'Block a node: it and its whole subtree can neither pay nor be funded until it is unblocked' })
  @ApiErrorResponses(400, 404)
  block(@Param('id', uuidParam('id')) id: string) {
    return this.set(id, 'blocked');
  }

  @Post('unblock')
  @HttpCode(200)
  @ApiOperation({ summary: "Unblock a node (a blocked ancestor's block stays)" })
  @ApiErrorResponses(400, 404)
  unblock(@Param('id', uuidParam('id')) id: string) {
    return this.set(id, 'active');
  }

  private async set(id: string, status: NodeStatus) {
    const outcome = await this.statuses.execute(id, status);
    if (outcome.kind === 'not_found') throw new NotFoundException(`id: no node ${id}`);
    return nodeResponseOf(outcome.node);
  }
}
