import { Body, Controller, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { ApiErrorResponses, uuidParam } from '@payments/runtime';

import { httpAnswerOf, send } from '../rest/register-outcome.http';
import { TerminalKeyGuard, TerminalRequest } from '../terminals/terminal-key.guard';
import { PromptAnswerDto } from './prompt-answer.dto';
import { PromptAnswerUseCase } from './prompt-answer.usecase';

/**
 * Cashier prompts: an operation answered 202 with `status: "prompt"` waits for the answer here.
 * The same answer again replays the outcome (no Idempotency-Key needed: the prompt is the key).
 */
@ApiTags('card-present')
@ApiBearerAuth('terminal-key')
@ApiErrorResponses(400, 401, 404, 409, 410, 504)
@UseGuards(TerminalKeyGuard)
@Controller('v1/prompts')
export class PromptAnswerController {
  constructor(private readonly answers: PromptAnswerUseCase) {}

  @Post(':promptId/answer')
  @ApiOperation({ summary: "The cashier's answer to a prompt; the operation goes on and its outcome (or next prompt) is the response" })
  async answer(
    @Req() req: TerminalRequest,
    @Param('promptId', uuidParam('promptId')) promptId: string,
    @Body() dto: PromptAnswerDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    return send(res, httpAnswerOf(await this.answers.answer(req.terminal!, promptId, dto.value)));
  }
}
