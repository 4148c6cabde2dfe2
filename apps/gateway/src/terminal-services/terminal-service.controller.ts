import { Controller, DefaultValuePipe, Get, Headers, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { ApiErrorResponses, enumParam, intParam, uuidParam } from '@payments/runtime';

import { requireIdempotencyKey } from '../idempotency/idempotency-key.util';
import { TerminalServiceOutcome } from '../outcomes/terminal-service-outcome';
import { send, serviceHttpAnswerOf } from '../rest/register-outcome.http';
import { TerminalKeyGuard, TerminalRequest } from '../terminals/terminal-key.guard';
import { TerminalServiceUseCase } from './terminal-service.usecase';

enum ReportKind {
  full = 'full',
  short = 'short',
}

/** The register's services: connection check, close of day, reports, receipt copies. */
@ApiTags('terminal')
@ApiBearerAuth('terminal-key')
@ApiErrorResponses(400, 401, 404, 409, 502, 504)
@UseGuards(TerminalKeyGuard)
@Controller('v1')
export class TerminalServiceController {
  constructor(private readonly services: TerminalServiceUseCase) {}

  @Post('connection-checks')
  @ApiOperation({ summary: 'Connection check: an echo (0800) through to the acquirer host, with its latency' })
  check(@Req() req: TerminalRequest, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    return this.answer(res, this.services.ask(req.terminal!, { operation: 'connection_check' }));
  }

  @Post('close-day')
  @ApiOperation({ summary: 'Close of day: the batch totals are reconciled with the host (0500) and a new batch opens' })
  closeDay(@Req() req: TerminalRequest, @Headers('idempotency-key') key: string | undefined, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    return this.answer(res, this.services.closeDay(req.terminal!, requireIdempotencyKey(key)));
  }

  @Get('reports/:kind')
  @ApiOperation({ summary: 'Short report (batch totals) or full report (also every operation) of the open batch or of a given one' })
  @ApiQuery({ name: 'batch', required: false, description: 'batch number; absent: the open batch' })
  report(
    @Req() req: TerminalRequest,
    @Param('kind', enumParam('kind', ReportKind)) kind: ReportKind,
    @Query('batch', new DefaultValuePipe(0), intParam('batch')) batch: number,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    return this.answer(res, this.services.ask(req.terminal!, { operation: 'report', kind, batchNumber: batch > 0 ? batch : undefined }));
  }

  @Get('receipts/last')
  @ApiOperation({ summary: "Copy of the receipt of the terminal's last operation" })
  lastReceipt(@Req() req: TerminalRequest, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    return this.answer(res, this.services.ask(req.terminal!, { operation: 'receipt_copy' }));
  }

  @Get('receipts/:transactionId')
  @ApiOperation({ summary: 'Copy of the receipt of one operation of this terminal' })
  receipt(
    @Req() req: TerminalRequest,
    @Param('transactionId', uuidParam('transactionId')) transactionId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    return this.answer(res, this.services.ask(req.terminal!, { operation: 'receipt_copy', transactionId }));
  }

  private async answer(res: Response, pending: Promise<TerminalServiceOutcome>): Promise<unknown> {
    return send(res, serviceHttpAnswerOf(await pending));
  }
}
