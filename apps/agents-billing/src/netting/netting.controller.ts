import { BadRequestException, Controller, Get, HttpCode, NotFoundException, Param, Post, Query, UnprocessableEntityException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiErrorResponses, OperatorEndpoint, uuidParam } from '@payments/runtime';

import { StatementQueryDto, UTC_DAY } from './dto/statement-query.dto';
import { NetDayUseCase } from './net-day.usecase';
import { settlementResponseOf, statementResponseOf } from './netting.response';
import { NettingRepository } from './netting.repository';
import { MAX_STATEMENT_DAYS, NodeStatementUseCase } from './node-statement.usecase';
import { dayBounds, daysBetween, NETTING_GRACE_MS } from './settlement';

/** The day as given, when it is a real calendar day (refused naming the field otherwise). */
function utcDayOf(field: string, value: string): string {
  if (!UTC_DAY.test(value) || dayBounds(value).start.toISOString().slice(0, 10) !== value) {
    throw new BadRequestException(`${field}: ${field} must be a UTC day, YYYY-MM-DD (not ${JSON.stringify(value.slice(0, 20))})`);
  }
  return value;
}

const notClosed = (field: string, day: string) =>
  new UnprocessableEntityException(`${field}: day ${day} is not closed yet (a UTC day closes ${NETTING_GRACE_MS / 60_000} minutes after its end)`);

/** Statements per node and the daily netting between children and parents (README: netting). */
@ApiTags('agents')
@OperatorEndpoint('agents')
@Controller('v1/agents')
export class NettingController {
  constructor(
    private readonly statements: NodeStatementUseCase,
    private readonly netDay: NetDayUseCase,
    private readonly netting: NettingRepository,
  ) {}

  @Get('nodes/:id/statements')
  @ApiOperation({
    summary:
      "A node's statement for closed UTC days: per account the opening balance, each movement kind's total, the closing balance (opening + movements = closing), and the days' settlements",
  })
  @ApiErrorResponses(400, 404, 422)
  async statement(@Param('id', uuidParam('id')) id: string, @Query() query: StatementQueryDto) {
    const from = utcDayOf('from', query.from);
    const to = utcDayOf('to', query.to ?? from);
    if (to < from) throw new BadRequestException(`to: ${to} is before from ${from}`);
    if (daysBetween(from, to) > MAX_STATEMENT_DAYS) throw new BadRequestException(`to: a statement covers at most ${MAX_STATEMENT_DAYS} days`);
    const outcome = await this.statements.execute(id, from, to, new Date());
    if (outcome.kind === 'not_found') throw new NotFoundException(`id: no node ${id}`);
    if (outcome.kind === 'day_not_closed') throw notClosed(query.to === undefined ? 'from' : 'to', to);
    return statementResponseOf(outcome.statement);
  }

  @Post('netting/days/:day')
  @HttpCode(200)
  @ApiOperation({ summary: 'Net a closed UTC day now (the pass does it by itself): each settlement posted once, however often this runs' })
  @ApiErrorResponses(400, 422)
  async net(@Param('day') day: string) {
    const outcome = await this.netDay.execute(utcDayOf('day', day), new Date());
    if (outcome.kind === 'day_not_closed') throw notClosed('day', day);
    return { day, settlements: outcome.settlements.map(settlementResponseOf) };
  }

  @Get('netting/days/:day')
  @ApiOperation({ summary: "A day's settlements, one per child its parent funded or that earned commissions that day" })
  @ApiErrorResponses(400)
  async settlements(@Param('day') day: string) {
    return { day, settlements: (await this.netting.ofDay(utcDayOf('day', day))).map(settlementResponseOf) };
  }
}
