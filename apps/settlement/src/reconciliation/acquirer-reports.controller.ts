import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';

import { ApiErrorBody, ApiErrorResponses, OperatorEndpoint, uuidParam } from '@payments/runtime';

import { ACQUIRER_FILE_CONTENT_TYPES, ACQUIRER_FILE_MAX_BYTES, acquirerFileUpload } from '../http/acquirer-file.upload';
import { AcquirerFileUploadParamsDto, AcquirerFileUploadQueryDto } from '../http/dto/acquirer-file-upload.dto';
import { readUploadedFile } from '../http/uploaded-file.reader';
import { reportAnswerOf, reportResponseOf } from './acquirer-report.answer';
import { AcquirerReportRepository } from './acquirer-report.repository';
import { ImportAcquirerReportDto } from './dto/import-acquirer-report.dto';
import { ImportAcquirerReportUseCase } from './import-acquirer-report.usecase';

@ApiTags('settlement')
@OperatorEndpoint('settlement')
@Controller('v1/settlement')
export class AcquirerReportsController {
  constructor(
    private readonly importReport: ImportAcquirerReportUseCase,
    private readonly reports: AcquirerReportRepository,
    @Inject(ACQUIRER_FILE_MAX_BYTES) private readonly maxBytes: number,
  ) {}

  @Post('acquirer-reports')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Import an acquirer's settlement report sent as text in JSON (up to about 700 lines; larger ones through the upload route) and reconcile it line by line against the day's settlement lines (the same import for the same bytes)",
  })
  @ApiErrorResponses(400, 404, 409, 422)
  async import(@Body() body: ImportAcquirerReportDto) {
    return reportAnswerOf(await this.importReport.execute({ ...body, bytes: Buffer.from(body.content, 'utf8') }), body.acquirerId, 'content');
  }

  @Post('acquirers/:acquirerId/settlement-reports')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Upload an acquirer's settlement report (its bytes as the body, up to SETTLEMENT_ACQUIRER_FILE_MAX_BYTES) and reconcile it line by line against the day's settlement lines (the same import for the same bytes)",
  })
  @ApiConsumes(...ACQUIRER_FILE_CONTENT_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' }, description: 'the report file as the acquirer sent it (acquirer-settlement-report-csv layout)' })
  @ApiErrorResponses(400, 404, 409, 422)
  @ApiResponse({ status: 413, description: 'The file is larger than SETTLEMENT_ACQUIRER_FILE_MAX_BYTES.', type: ApiErrorBody })
  @ApiResponse({ status: 415, description: 'The body is not sent as one of the file content types.', type: ApiErrorBody })
  async upload(@Param() params: AcquirerFileUploadParamsDto, @Query() query: AcquirerFileUploadQueryDto, @Req() request: Request) {
    const bytes = await readUploadedFile(request, acquirerFileUpload(this.maxBytes, 'the settlement report'));
    const outcome = await this.importReport.execute({ acquirerId: params.acquirerId, bytes, fileName: query.fileName, replace: query.replace });
    return reportAnswerOf(outcome, params.acquirerId, 'file');
  }

  @Get('acquirer-reports/:reportId')
  @ApiOperation({ summary: 'The reconciliation report of one import: counts and sums per kind (matched and each kind of break) and currency' })
  @ApiErrorResponses(400, 404)
  async one(@Param('reportId', uuidParam('reportId')) reportId: string) {
    const record = await this.reports.findById(reportId);
    if (!record) throw new NotFoundException(`reportId: no acquirer report ${reportId}`);
    return reportResponseOf(record);
  }
}
