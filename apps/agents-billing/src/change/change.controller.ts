import { BadRequestException, Body, Controller, HttpCode, NotFoundException, Param, Post, UnprocessableEntityException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiErrorResponses, OperatorEndpoint, uuidParam } from '@payments/runtime';

import { ChangeBalanceQuery } from './change-balance.query';
import { changeMoveResponseOf } from './change-move.response';
import { pinRefusalOf } from './change-pin.refusal';
import { ChangeBalanceDto, ChangeMoveDto } from './dto/change.dto';
import { MoveChangeUseCase } from './move-change.usecase';

/**
 * Payers' change accounts by phone number. The number is answered masked (`***3456`), never whole.
 * An operator acts for the payer in a branch (audited by its operator key): no change PIN is asked.
 */
@ApiTags('agents')
@OperatorEndpoint('agents')
@Controller('v1/agents')
export class ChangeController {
  constructor(
    private readonly moves: MoveChangeUseCase,
    private readonly balances: ChangeBalanceQuery,
  ) {}

  @Post('nodes/:id/change-moves')
  @ApiOperation({
    summary: "Keep a payer's change at an agent, spend it toward a payment or pay it out in cash; the same id and body again returns the first move",
  })
  @ApiErrorResponses(400, 404, 422)
  async move(@Param('id', uuidParam('id')) id: string, @Body() body: ChangeMoveDto) {
    if (body.paymentId !== undefined && body.move !== 'spend') throw new BadRequestException('paymentId: only a spend goes toward a payment');
    const outcome = await this.moves.execute(body.move, {
      moveId: body.id,
      nodeId: id,
      phone: body.phone,
      amount: BigInt(body.amount),
      paymentId: body.paymentId,
      byOperator: true,
    });
    switch (outcome.kind) {
      case 'moved':
        return { id: outcome.transfer.id, nodeId: outcome.node.id, ...changeMoveResponseOf(body.move, outcome) };
      case 'invalid_phone':
        throw new BadRequestException(`phone: ${outcome.reason}`);
      case 'not_found':
        throw new NotFoundException(`id: no node ${id}`);
      case 'blocked':
        throw new UnprocessableEntityException(`id: node ${id} is blocked${outcome.blockedNodeId === id ? '' : ` (its ancestor ${outcome.blockedNodeId} is)`}`);
      case 'agent_limit_exceeded':
        throw new UnprocessableEntityException(`amount: exceeds the node's balance plus credit limit: ${outcome.available} available`);
      case 'change_insufficient':
        throw new UnprocessableEntityException(`amount: exceeds the change account's balance: ${outcome.changeBalance} available`);
      case 'id_reused':
        throw new UnprocessableEntityException(`id: change move ${body.id} exists with another body`);
      case 'pin_required':
      case 'pin_wrong':
      case 'locked':
        throw new UnprocessableEntityException(pinRefusalOf(outcome).message);
    }
  }

  /** A POST so that the phone number travels in the body, never in a URL that access logs keep. */
  @Post('change-balances')
  @HttpCode(200)
  @ApiOperation({ summary: "A payer's change balance by phone number and currency (0 when it never kept change)" })
  @ApiErrorResponses(400)
  async balance(@Body() body: ChangeBalanceDto) {
    const answer = await this.balances.execute(body);
    if (answer.kind === 'invalid_phone') throw new BadRequestException(`phone: ${answer.reason}`);
    if (answer.kind !== 'balance') throw new UnprocessableEntityException(pinRefusalOf(answer).message);
    return { phone: answer.maskedPhone, currency: answer.currency, balance: answer.balance.toString() };
  }
}
