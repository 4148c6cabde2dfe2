import { Body, Controller, Headers, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import type { CardOperation } from '@payments/contracts';
import { ApiErrorResponses } from '@payments/runtime';

import { registerConnectionOf } from '../abandonment/register-connection.util';
import { requireIdempotencyKey } from '../idempotency/idempotency-key.util';
import { CreatePurchaseDto } from './dto/create-purchase.dto';
import { httpAnswerOf, send } from '../rest/register-outcome.http';
import { TerminalKeyGuard, TerminalRequest } from '../terminals/terminal-key.guard';
import { CardInquiryDto } from './card-inquiry.dto';
import { CardOperationUseCase } from './card-operation.usecase';

const KEY_HEADER = { name: 'Idempotency-Key', required: true, description: '8-64 characters; a retry with the same key and body returns the first outcome' };

/** Card-present operations besides the purchase: each is authorized by the central server with the acquirer. */
@ApiTags('card-present')
@ApiBearerAuth('terminal-key')
@ApiErrorResponses(400, 401, 409, 422, 504)
@ApiHeader(KEY_HEADER)
@UseGuards(TerminalKeyGuard)
@Controller('v1')
export class CardOperationController {
  constructor(private readonly operations: CardOperationUseCase) {}

  @Post('cash-withdrawals')
  @ApiOperation({ summary: 'Cash withdrawal at the till (0200, DE 3 = 01)' })
  cash(
    @Req() req: TerminalRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: CreatePurchaseDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    return this.run(req, key, 'cash_withdrawal', dto, res);
  }

  @Post('top-ups')
  @ApiOperation({ summary: 'Top-up of a prepaid or gift card (0200, DE 3 = 21)' })
  topUp(
    @Req() req: TerminalRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: CreatePurchaseDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    return this.run(req, key, 'top_up', dto, res);
  }

  @Post('preauthorizations')
  @ApiOperation({ summary: 'Preauthorization: a hold on the card (0100), completed later or released when it expires' })
  preauthorize(
    @Req() req: TerminalRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: CreatePurchaseDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    return this.run(req, key, 'preauthorization', dto, res);
  }

  @Post('balance-inquiries')
  @ApiOperation({ summary: 'Balance inquiry (0100, DE 3 = 31): the balance is on the response and the receipt' })
  balance(
    @Req() req: TerminalRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: CardInquiryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    return this.run(req, key, 'balance_inquiry', dto, res);
  }

  @Post('card-reads')
  @ApiOperation({ summary: 'Card data: masked PAN, scheme, expiry and token of the card on the PIN pad; no host is asked' })
  cardData(
    @Req() req: TerminalRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: CardInquiryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    return this.run(req, key, 'card_data', dto, res);
  }

  private async run(
    req: TerminalRequest,
    key: string | undefined,
    operation: CardOperation,
    dto: CreatePurchaseDto | CardInquiryDto,
    res: Response,
  ): Promise<unknown> {
    const outcome = await this.operations.execute(req.terminal!, requireIdempotencyKey(key), operation, dto, registerConnectionOf(res));
    return send(res, httpAnswerOf(outcome));
  }
}
