import { FollowUpUseCase } from '../../follow-ups/follow-up.usecase';
import { grpcAnswerOf } from '../register-outcome.grpc';
import { followUpAmountOf } from '../terminal-message.mapper';
import { CardTransactionResponseMessage, CompleteRequestMessage } from '../terminal.messages';
import { TerminalRpc } from '../terminal-rpc.adapter';
import { CompleteRequestDto } from './complete-request.dto';

/** CompleteRequest as the completion body with the preauthorization id (REST: the {id} path parameter). */
export function completeDtoOf(request: CompleteRequestMessage): object {
  return { preauthorizationId: request.preauthorizationId, ...followUpAmountOf(request.amount) };
}

/** TerminalService.Complete: POST /v1/preauthorizations/{id}/completions over gRPC, through the same use case. */
export function completeRpc(followUps: FollowUpUseCase): TerminalRpc<CompleteRequestMessage, CompleteRequestDto, CardTransactionResponseMessage> {
  return {
    dto: CompleteRequestDto,
    toDto: completeDtoOf,
    execute: ({ terminal, idempotencyKey, dto: { preauthorizationId, ...body }, connection }) =>
      followUps.execute(terminal, idempotencyKey, 'completion', body, { transactionId: preauthorizationId }, connection),
    answer: grpcAnswerOf,
  };
}
