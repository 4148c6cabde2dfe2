import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';

import { ApiErrorBody, ApiErrorResponses, OperatorEndpoint, uuidParam } from '@payments/runtime';

import { ACQUIRER_FILE_CONTENT_TYPES, ACQUIRER_FILE_MAX_BYTES, acquirerFileUpload } from '../http/acquirer-file.upload';
import { AcquirerFileUploadParamsDto, AcquirerFileUploadQueryDto } from '../http/dto/acquirer-file-upload.dto';
import { readUploadedFile } from '../http/uploaded-file.reader';
import { transferAnswerOf } from './acquirer-transfer.answer';
import { transferResponseOf } from './acquirer-transfer.response';
import { AcquirerTransferRepository } from './acquirer-transfer.repository';
import { ImportAcquirerTransferDto } from './dto/import-acquirer-transfer.dto';
import { ImportAcquirerTransferUseCase } from './import-acquirer-transfer.usecase';

const IMPORT_SUMMARY = 'and match each line to the settlement line it pays: paid, short, over, duplicate or unknown (the same import for the same bytes)';

@ApiTags('settlement')
@OperatorEndpoint('settlement')
@Controller('v1/settlement')
export class AcquirerTransfersController {
  constructor(
    private readonly importTransfer: ImportAcquirerTransferUseCase,
    private readonly transfers: AcquirerTransferRepository,
    @Inject(ACQUIRER_FILE_MAX_BYTES) private readonly maxBytes: number,
  ) {}

  @Post('acquirer-transfers')
  @HttpCode(200)
  @ApiOperation({ summary: `Import an acquirer's per-transfer file sent as text in JSON (larger ones through the upload route) ${IMPORT_SUMMARY}` })
  @ApiErrorResponses(400, 404, 409, 422)
  async import(@Body() body: ImportAcquirerTransferDto) {
    return transferAnswerOf(await this.importTransfer.execute({ ...body, bytes: Buffer.from(body.content, 'utf8') }), body.acquirerId, 'content');
  }

  @Post('acquirers/:acquirerId/transfer-files')
  @HttpCode(200)
  @ApiOperation({ summary: `Upload an acquirer's per-transfer file (its bytes as the body, up to SETTLEMENT_ACQUIRER_FILE_MAX_BYTES) ${IMPORT_SUMMARY}` })
  @ApiConsumes(...ACQUIRER_FILE_CONTENT_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' }, description: 'the transfer file as the acquirer sent it (acquirer-transfer-file-csv layout)' })
  @ApiErrorResponses(400, 404, 409, 422)
  @ApiResponse({ status: 413, description: 'The file is larger than SETTLEMENT_ACQUIRER_FILE_MAX_BYTES.', type: ApiErrorBody })
  @ApiResponse({ status: 415, description: 'The body is not sent as one of the file content types.', type: ApiErrorBody })
  async upload(@Param() params: AcquirerFileUploadParamsDto, @Query() query: AcquirerFileUploadQueryDto, @Req() request: Request) {
    const bytes = await readUploadedFile(request, acquirerFileUpload(this.maxBytes, 'the transfer file'));
    return transferAnswerOf(await this.importTransfer.execute({ acquirerId: params.acquirerId, bytes, fileName: query.fileName }), params.acquirerId, 'file');
  }

  @Get('acquirer-transfers/:transferId')
  @ApiOperation({ summary: 'One imported transfer: counts and sums per outcome, its breaks, and whether the bank statements show it received' })
  @ApiErrorResponses(400, 404)
  async one(@Param('transferId', uuidParam('transferId')) transferId: string) {
    const record = await this.transfers.findById(transferId);
    if (!record) throw new NotFoundException(`transferId: no acquirer transfer ${transferId}`);
    return transferResponseOf(record, new Date());
  }
}
