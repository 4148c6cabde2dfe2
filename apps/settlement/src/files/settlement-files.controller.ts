import { BadGatewayException, Controller, Get, HttpCode, NotFoundException, Param, Post, Query, UnprocessableEntityException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiErrorResponses, OperatorEndpoint, uuidParam } from '@payments/runtime';

import { SettlementBatchRepository } from '../close-day/settlement-batch.repository';
import { FilesQueryDto } from './dto/files-query.dto';
import { ResendSettlementFileUseCase } from './resend-settlement-file.usecase';
import { fileResponseOf, SettlementFileResponse } from './settlement-file.response';
import { SettlementFileRepository } from './settlement-file.repository';
import { SettlementFileSender } from './settlement-file.sender';

@ApiTags('settlement')
@OperatorEndpoint('settlement')
@Controller('v1/settlement')
export class SettlementFilesController {
  constructor(
    private readonly files: SettlementFileRepository,
    private readonly batches: SettlementBatchRepository,
    private readonly sender: SettlementFileSender,
    private readonly resendFile: ResendSettlementFileUseCase,
  ) {}

  @Get('files')
  @ApiOperation({ summary: "Acquirers' transaction files of closed batches, newest business day first" })
  @ApiOkResponse({ type: SettlementFileResponse, isArray: true })
  @ApiErrorResponses(400)
  async list(@Query() query: FilesQueryDto): Promise<SettlementFileResponse[]> {
    const files = await this.files.list({ acquirerId: query.acquirerId, businessDay: query.businessDay, status: query.status }, query.limit ?? 50);
    return files.map(fileResponseOf);
  }

  @Get('files/:fileId')
  @ApiOperation({ summary: 'One transaction file: its sequence, size, SHA-256, totals and how its delivery went' })
  @ApiOkResponse({ type: SettlementFileResponse })
  @ApiErrorResponses(400, 404)
  async one(@Param('fileId', uuidParam('fileId')) fileId: string): Promise<SettlementFileResponse> {
    const file = await this.files.findById(fileId);
    if (!file) throw new NotFoundException(`fileId: no settlement file ${fileId}`);
    return fileResponseOf(file);
  }

  @Get('batches/:batchId/file')
  @ApiOperation({ summary: "A closed batch's transaction file; 404 says when its acquirer gets no file" })
  @ApiOkResponse({ type: SettlementFileResponse })
  @ApiErrorResponses(400, 404)
  async ofBatch(@Param('batchId', uuidParam('batchId')) batchId: string): Promise<SettlementFileResponse> {
    const file = await this.files.findByBatch(batchId);
    if (file) return fileResponseOf(file);
    const batch = await this.batches.findById(batchId);
    if (!batch) throw new NotFoundException(`batchId: no batch ${batchId}`);
    if (!this.sender.configOf(batch.acquirerId)) {
      throw new NotFoundException(`batchId: acquirer "${batch.acquirerId}" has no file configuration (SETTLEMENT_FILES), so its batches get no file`);
    }
    throw new NotFoundException(`batchId: the file of batch ${batchId} is not made yet (the files pass takes it shortly)`);
  }

  @Post('files/:fileId/resend')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Write the file again from its batch and deliver it again: refused (422, nothing sent) unless its SHA-256 equals the one recorded as sent; 502 when the destination fails (recorded as an attempt)',
  })
  @ApiOkResponse({ type: SettlementFileResponse })
  @ApiErrorResponses(400, 404, 422, 502)
  async resend(@Param('fileId', uuidParam('fileId')) fileId: string): Promise<SettlementFileResponse> {
    const outcome = await this.resendFile.execute(fileId, new Date());
    switch (outcome.kind) {
      case 'not_found':
        throw new NotFoundException(`fileId: no settlement file ${fileId}`);
      case 'mismatch':
        throw new UnprocessableEntityException(`fileId: ${outcome.message}`);
      case 'delivery_failed':
        throw new BadGatewayException(`fileId: the file was written again but not delivered: ${outcome.message}`);
      case 'sent':
        return fileResponseOf(outcome.file);
    }
  }
}
