import { IsUUID } from 'class-validator';

import { PromptAnswerDto } from '../../prompts/prompt-answer.dto';
import { PromptAnswerUseCase } from '../../prompts/prompt-answer.usecase';
import { grpcAnswerOf } from '../register-outcome.grpc';
import { textOf } from '../terminal-message.mapper';
import { AnswerPromptRequestMessage, CardTransactionResponseMessage } from '../terminal.messages';
import { TerminalQueryRpc } from '../terminal-rpc.adapter';

/** AnswerPromptRequest as REST takes it: the prompt id from the path, the value from the body. */
export class AnswerPromptRequestDto extends PromptAnswerDto {
  @IsUUID('all', { message: 'promptId must be a UUID' })
  promptId!: string;
}

/** TerminalService.AnswerPrompt: POST /v1/prompts/{promptId}/answer over gRPC, through the same use case. */
export function answerPromptRpc(
  answers: PromptAnswerUseCase,
): TerminalQueryRpc<AnswerPromptRequestMessage, AnswerPromptRequestDto, CardTransactionResponseMessage> {
  return {
    dto: AnswerPromptRequestDto,
    toDto: (request) => ({ promptId: textOf(request.promptId), value: textOf(request.value) }),
    execute: ({ terminal, dto }) => answers.answer(terminal, dto.promptId, dto.value),
    answer: grpcAnswerOf,
  };
}
