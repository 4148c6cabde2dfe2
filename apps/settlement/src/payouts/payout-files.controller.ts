import { BadGatewayException, Controller, Get, HttpCode, NotFoundException, Param, Post, Query, Res, UnprocessableEntityException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';

import { ApiErrorResponses, OperatorEndpoint, uuidParam } from '@payments/runtime';

import type { Response } from 'express';

import { PayoutFilesQueryDto } from './dto/payout-files-query.dto';
import { PayoutFileResponse, payoutFileResponseOf } from './payout.response';
import { PayoutFileRepository } from './payout-file.repository';
import { PayoutFileSender } from './payout-file.sender';

@ApiTags('settlement')
@OperatorEndpoint('settlement')
@Controller('v1/settlement/payout-files')
export class PayoutFilesController {
  constructor(
    private readonly files: PayoutFileRepository,
    private readonly sender: PayoutFileSender,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The pain.001 payout files of closed batches, newest business day first' })
  @ApiOkResponse({ type: PayoutFileResponse, isArray: true })
  @ApiErrorResponses(400)
  async list(@Query() query: PayoutFilesQueryDto): Promise<PayoutFileResponse[]> {
    const files = await this.files.list({ businessDay: query.businessDay, status: query.status }, query.limit ?? 50);
    return files.map(payoutFileResponseOf);
  }

  @Get(':fileId')
  @ApiOperation({ summary: 'One payout file: its message id, transactions, held payouts, size, SHA-256 and how its delivery went' })
  @ApiOkResponse({ type: PayoutFileResponse })
  @ApiErrorResponses(400, 404)
  async one(@Param('fileId', uuidParam('fileId')) fileId: string): Promise<PayoutFileResponse> {
    const file = await this.files.findById(fileId);
    if (!file) throw new NotFoundException(`fileId: no payout file ${fileId}`);
    return payoutFileResponseOf(file);
  }

  @Get(':fileId/content')
  @ApiProduces('application/xml')
  @ApiOperation({ summary: 'The pain.001 itself, re-generated from its records: 422 when its bytes are not those recorded as sent' })
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiErrorResponses(400, 404, 422)
  async content(@Param('fileId', uuidParam('fileId')) fileId: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const outcome = await this.sender.content(fileId);
    switch (outcome.kind) {
      case 'not_found':
        throw new NotFoundException(`fileId: no payout file ${fileId}`);
      case 'mismatch':
        throw new UnprocessableEntityException(`fileId: ${outcome.message}`);
      case 'content':
        // Set here, not by a decorator: an error answers in JSON.
        response.type('application/xml; charset=utf-8');
        return outcome.xml;
    }
  }

  @Post(':fileId/resend')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Write the payout file again from its records and deliver it again: refused (422, nothing sent) unless its SHA-256 equals the one recorded as sent; 502 when the destination fails or the schema refuses it (recorded as an attempt)',
  })
  @ApiOkResponse({ type: PayoutFileResponse })
  @ApiErrorResponses(400, 404, 422, 502)
  async resend(@Param('fileId', uuidParam('fileId')) fileId: string): Promise<PayoutFileResponse> {
    const outcome = await this.sender.resend(fileId, new Date());
    switch (outcome.kind) {
      case 'not_found':
        throw new NotFoundException(`fileId: no payout file ${fileId}`);
      case 'mismatch':
        throw new UnprocessableEntityException(`fileId: ${outcome.message}`);
      case 'delivery_failed':
        throw new BadGatewayException(`fileId: the payout file was not delivered: ${outcome.message}`);
      case 'sent':
        return payoutFileResponseOf(outcome.file);
    }
  }
}
