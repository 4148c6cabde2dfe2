import { Body, Controller, NotFoundException, Param, Post, UnprocessableEntityException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiErrorResponses, OperatorEndpoint, uuidParam } from '@payments/runtime';

import { FundingDto } from './dto/funding.dto';
import { FundChildUseCase } from './fund-child.usecase';

@ApiTags('agents')
@OperatorEndpoint('agents')
@Controller('v1/agents/nodes/:id/fundings')
export class NodeFundingsController {
  constructor(private readonly fundChild: FundChildUseCase) {}

  @Post()
  @ApiOperation({ summary: "Fund a node from its parent's balance, within the parent's credit limit; the same id and body again returns the first funding" })
  @ApiErrorResponses(400, 404, 422)
  async fund(@Param('id', uuidParam('id')) id: string, @Body() body: FundingDto) {
    const outcome = await this.fundChild.execute({ fundingId: body.id, childId: id, amount: BigInt(body.amount) });
    switch (outcome.kind) {
      case 'funded': {
        const { transfer, parent, child } = outcome;
        return {
          fundingId: transfer.id,
          parentId: parent.id,
          nodeId: child.id,
          amount: transfer.amount.toString(),
          currency: transfer.currency,
          sequence: transfer.sequence.toString(),
          postedAt: transfer.createdAt.toISOString(),
        };
      }
      case 'not_found':
        throw new NotFoundException(`id: no node ${id}`);
      case 'dealer_has_no_parent':
        throw new UnprocessableEntityException(`id: node ${id} is a dealer: it has no parent to fund it`);
      case 'blocked':
        throw new UnprocessableEntityException(`id: node ${id} is blocked${outcome.blockedNodeId === id ? '' : ` (its ancestor ${outcome.blockedNodeId} is)`}`);
      case 'parent_limit_exceeded':
        throw new UnprocessableEntityException(`amount: exceeds the parent's balance plus credit limit: ${outcome.available} available`);
      case 'id_reused':
        throw new UnprocessableEntityException(`id: funding ${body.id} exists with another node or amount`);
    }
  }
}
