import { Controller, Get, HttpCode, NotFoundException, Param, Post, Query, UnprocessableEntityException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiErrorResponses, OperatorEndpoint, uuidParam } from '@payments/runtime';

import { CloseBusinessDayUseCase } from './close-business-day.usecase';
import { BatchesQueryDto } from './dto/batches-query.dto';
import { CloseDayParamsDto } from './dto/close-day-params.dto';
import { batchResponseOf, SettlementBatchResponse } from './settlement-batch.response';
import { SettlementBatchRepository } from './settlement-batch.repository';

@ApiTags('settlement')
@OperatorEndpoint('settlement')
@Controller('v1/settlement')
export class SettlementBatchesController {
  constructor(
    private readonly closeDay: CloseBusinessDayUseCase,
    private readonly batches: SettlementBatchRepository,
  ) {}

  @Post('acquirers/:acquirerId/business-days/:businessDay/close')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Close an acquirer's business day: its lines frozen into one batch with totals and postings to the chart of accounts (the same batch when already closed)",
  })
  @ApiErrorResponses(400, 404, 422)
  async close(@Param() params: CloseDayParamsDto): Promise<SettlementBatchResponse> {
    const outcome = await this.closeDay.execute({ ...params, now: new Date() });
    switch (outcome.kind) {
      case 'closed':
        return batchResponseOf(outcome.batch);
      case 'unknown_acquirer':
        throw new NotFoundException(`acquirerId: acquirer "${outcome.acquirerId}" is neither configured nor seen in any transaction`);
      case 'day_not_ended':
        throw new UnprocessableEntityException(
          `businessDay: ${params.businessDay} of acquirer "${params.acquirerId}" has not ended: it ends at ${outcome.endsAt.toISOString()} (cut-off ${outcome.cutOff})`,
        );
      case 'unmapped_lines':
        throw new UnprocessableEntityException(`businessDay: ${params.businessDay} of acquirer "${params.acquirerId}" was not closed: ${outcome.reason}`);
    }
  }

  @Get('batches')
  @ApiOperation({ summary: 'Closed batches with their totals, newest business day first' })
  @ApiErrorResponses(400)
  async list(@Query() query: BatchesQueryDto): Promise<SettlementBatchResponse[]> {
    const batches = await this.batches.list({ acquirerId: query.acquirerId, businessDay: query.businessDay }, query.limit ?? 50);
    return batches.map(batchResponseOf);
  }

  @Get('batches/:batchId')
  @ApiOperation({ summary: 'One closed batch with its totals' })
  @ApiErrorResponses(400, 404)
  async one(@Param('batchId', uuidParam('batchId')) batchId: string): Promise<SettlementBatchResponse> {
    const batch = await this.batches.findById(batchId);
    if (!batch) throw new NotFoundException(`batchId: no batch ${batchId}`);
    return batchResponseOf(batch);
  }
}
