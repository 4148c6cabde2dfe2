import { Body, ConflictException, Controller, Get, Headers, HttpCode, NotFoundException, Param, Post, Query, BadRequestException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiErrorResponses, OperatorEndpoint, uuidParam } from '@payments/runtime';

import { amountsAsText } from '../http/amounts-as-text';
import { BreaksQueryDto } from './dto/breaks-query.dto';
import { ResolveBreakDto } from './dto/resolve-break.dto';
import { operatorKeyIdOf } from './operator-key-id';
import { ReconciliationBreakRepository } from './reconciliation-break.repository';
import { ResolveBreakUseCase } from './resolve-break.usecase';

@ApiTags('settlement')
@OperatorEndpoint('settlement')
@Controller('v1/settlement/reconciliation-breaks')
export class ReconciliationBreaksController {
  constructor(
    private readonly breaks: ReconciliationBreakRepository,
    private readonly resolveBreak: ResolveBreakUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Reconciliation breaks with both sides and their resolution, newest business day first' })
  @ApiErrorResponses(400)
  async list(@Query() query: BreaksQueryDto) {
    const { limit = 100, ...filter } = query;
    return (await this.breaks.list(filter, limit)).map(amountsAsText);
  }

  @Post(':breakId/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resolve an open break with a reason, once (the operator key and the time are kept with it)' })
  @ApiErrorResponses(400, 404, 409)
  async resolve(@Param('breakId', uuidParam('breakId')) breakId: string, @Body() body: ResolveBreakDto, @Headers('authorization') authorization?: string) {
    const outcome = await this.resolveBreak.execute({ breakId, reason: body.reason, resolvedBy: operatorKeyIdOf(authorization), now: new Date() });
    switch (outcome.kind) {
      case 'resolved':
        return amountsAsText(outcome.break);
      case 'not_found':
        throw new NotFoundException(`breakId: no reconciliation break ${breakId}`);
      case 'not_open':
        throw new ConflictException(`breakId: break ${breakId} is ${outcome.break.status}, not open: it cannot be resolved again`);
      case 'no_reason':
        throw new BadRequestException('reason: reason is required: why the break needs no further action');
    }
  }
}
