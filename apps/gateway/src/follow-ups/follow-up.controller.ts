import { Body, Controller, Headers, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { ApiErrorResponses, uuidParam } from '@payments/runtime';

import { registerConnectionOf } from '../abandonment/register-connection.util';
import { requireIdempotencyKey } from '../idempotency/idempotency-key.util';
import { RegisterOutcome } from '../outcomes/register-outcome';
import { httpAnswerOf, send } from '../rest/register-outcome.http';
import { TerminalKeyGuard, TerminalRequest } from '../terminals/terminal-key.guard';
import { FollowUpAmountDto, FollowUpDto } from './dto/follow-up.dto';
import { originalReferenceOf, refundOriginalOf } from './dto/original-reference.util';
import { FollowUpUseCase } from './follow-up.usecase';

/** Operations on an earlier operation of the same terminal. A broken rule is a 422 that names it; nothing changes. */
@ApiTags('card-present')
@ApiBearerAuth('terminal-key')
@ApiErrorResponses(400, 401, 409, 422, 504)
@ApiHeader({ name: 'Idempotency-Key', required: true, description: '8-64 characters; a retry with the same key and body returns the first outcome' })
@UseGuards(TerminalKeyGuard)
@Controller('v1')
export class FollowUpController {
  constructor(private readonly followUps: FollowUpUseCase) {}

  @Post('cancels')
  @ApiOperation({ summary: 'Cancel in the same business day (open batch), full or partial, by id or approval code + RRN' })
  cancel(
    @Req() req: TerminalRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: FollowUpDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    return this.answer(
      res,
      this.followUps.execute(req.terminal!, requireIdempotencyKey(key), 'cancel', dto, originalReferenceOf(dto), registerConnectionOf(res)),
    );
  }

  @Post('refunds')
  @ApiOperation({
    summary: 'Refund after close of day, full or partial; refunds never add up to more than the original. No original named: 202 with a prompt for its RRN',
  })
  refund(
    @Req() req: TerminalRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: FollowUpDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    return this.answer(res, this.followUps.execute(req.terminal!, requireIdempotencyKey(key), 'refund', dto, refundOriginalOf(dto), registerConnectionOf(res)));
  }

  @Post('emergency-cancels')
  @ApiOperation({ summary: "Emergency cancel of the terminal's last operation (approved, not a cancel); no card needed" })
  emergency(@Req() req: TerminalRequest, @Headers('idempotency-key') key: string | undefined, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    return this.answer(res, this.followUps.execute(req.terminal!, requireIdempotencyKey(key), 'emergency_cancel', {}, undefined, registerConnectionOf(res)));
  }

  @Post('preauthorizations/:id/completions')
  @ApiOperation({ summary: 'Completion of a preauthorization: at most the preauthorized amount, before it expires, once' })
  complete(
    @Req() req: TerminalRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: FollowUpAmountDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    return this.answer(
      res,
      this.followUps.execute(req.terminal!, requireIdempotencyKey(key), 'completion', dto, { transactionId: id }, registerConnectionOf(res)),
    );
  }

  private async answer(res: Response, pending: Promise<RegisterOutcome>): Promise<unknown> {
    return send(res, httpAnswerOf(await pending));
  }
}
