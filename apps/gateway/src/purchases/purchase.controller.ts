import { Body, Controller, Headers, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { ApiErrorResponses } from '@payments/runtime';

import { registerConnectionOf } from '../abandonment/register-connection.util';
import { requireIdempotencyKey } from '../idempotency/idempotency-key.util';
import { httpAnswerOf, send } from '../rest/register-outcome.http';
import { TerminalKeyGuard, TerminalRequest } from '../terminals/terminal-key.guard';
import { CreatePurchaseUseCase } from './create-purchase.usecase';
import { CreatePurchaseDto } from '../operations/dto/create-purchase.dto';

@ApiTags('card-present')
@ApiBearerAuth('terminal-key')
@ApiErrorResponses(400, 401, 409, 422, 504)
@UseGuards(TerminalKeyGuard)
@Controller('v1/purchases')
export class PurchaseController {
  constructor(private readonly createPurchase: CreatePurchaseUseCase) {}

  @Post()
  @ApiOperation({ summary: 'Card-present purchase: the central server authorizes it with the acquirer host' })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '8-64 characters; a retry with the same key and body returns the first outcome' })
  async create(
    @Req() request: TerminalRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() dto: CreatePurchaseDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const outcome = await this.createPurchase.execute(request.terminal!, requireIdempotencyKey(idempotencyKey), dto, registerConnectionOf(res));
    return send(res, httpAnswerOf(outcome));
  }
}
