import { Body, ConflictException, Controller, Get, HttpCode, NotFoundException, Param, Post, UnprocessableEntityException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiErrorResponses, OperatorEndpoint, uuidParam } from '@payments/runtime';

import { amountsAsText } from '../http/amounts-as-text';
import { AcquirerReportRecord } from './acquirer-report-record';
import { AcquirerReportRepository } from './acquirer-report.repository';
import { ImportAcquirerReportDto } from './dto/import-acquirer-report.dto';
import { ImportAcquirerReportUseCase } from './import-acquirer-report.usecase';

/** The reconciliation report as the operators' API shows it: amounts as exact decimal text. */
const reportResponseOf = (record: AcquirerReportRecord) => ({ ...record, totals: record.totals.map(amountsAsText) });

@ApiTags('settlement')
@OperatorEndpoint()
@Controller('v1/settlement/acquirer-reports')
export class AcquirerReportsController {
  constructor(
    private readonly importReport: ImportAcquirerReportUseCase,
    private readonly reports: AcquirerReportRepository,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: "Import an acquirer's settlement report and reconcile it line by line against the day's settlement lines (the same import for the same bytes)",
  })
  @ApiErrorResponses(400, 404, 409, 422)
  async import(@Body() body: ImportAcquirerReportDto) {
    const outcome = await this.importReport.execute({ ...body, bytes: Buffer.from(body.content, 'utf8') });
    switch (outcome.kind) {
      case 'reconciled':
        return reportResponseOf(outcome.report);
      case 'unknown_acquirer':
        throw new NotFoundException(`acquirerId: acquirer "${outcome.acquirerId}" is neither configured nor seen in any transaction`);
      case 'refused_file':
        throw new UnprocessableEntityException(`content: the report was refused, nothing was stored: ${outcome.reason}`);
      case 'day_already_reconciled':
        throw new ConflictException(
          `content: ${outcome.businessDay} of acquirer "${body.acquirerId}" was already reconciled by import ${outcome.earlierReportId} from another file; send replace: true to replace it`,
        );
    }
  }

  @Get(':reportId')
  @ApiOperation({ summary: 'The reconciliation report of one import: counts and sums per kind (matched and each kind of break) and currency' })
  @ApiErrorResponses(400, 404)
  async one(@Param('reportId', uuidParam('reportId')) reportId: string) {
    const record = await this.reports.findById(reportId);
    if (!record) throw new NotFoundException(`reportId: no acquirer report ${reportId}`);
    return reportResponseOf(record);
  }
}
