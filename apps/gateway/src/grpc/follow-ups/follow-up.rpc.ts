import { FollowUpDto } from '../../follow-ups/dto/follow-up.dto';
import { originalReferenceOf, refundOriginalOf } from '../../follow-ups/dto/original-reference.util';
import { FollowUpUseCase } from '../../follow-ups/follow-up.usecase';
import { NoFieldsDto } from '../no-fields.dto';
import { grpcAnswerOf } from '../register-outcome.grpc';
import { followUpAmountOf, followUpDtoOf } from '../terminal-message.mapper';
import { CardTransactionResponseMessage, CompleteRequestMessage, EmptyRequestMessage, FollowUpRequestMessage } from '../terminal.messages';
import { TerminalRpc } from '../terminal-rpc.adapter';
import { CompleteRequestDto } from './complete-request.dto';

/** TerminalService.Cancel: POST /v1/cancels over gRPC, through the same use case. */
export function cancelRpc(followUps: FollowUpUseCase): TerminalRpc<FollowUpRequestMessage, FollowUpDto, CardTransactionResponseMessage> {
  return {
    dto: FollowUpDto,
    toDto: followUpDtoOf,
    execute: ({ terminal, idempotencyKey, dto, connection }) =>
      followUps.execute(terminal, idempotencyKey, 'cancel', dto, originalReferenceOf(dto), connection),
    answer: grpcAnswerOf,
  };
}

/** TerminalService.Refund: POST /v1/refunds over gRPC, through the same use case (no original named: a prompt for its RRN). */
export function refundRpc(followUps: FollowUpUseCase): TerminalRpc<FollowUpRequestMessage, FollowUpDto, CardTransactionResponseMessage> {
  return {
    dto: FollowUpDto,
    toDto: followUpDtoOf,
    execute: ({ terminal, idempotencyKey, dto, connection }) => followUps.execute(terminal, idempotencyKey, 'refund', dto, refundOriginalOf(dto), connection),
    answer: grpcAnswerOf,
  };
}

/** TerminalService.EmergencyCancel: POST /v1/emergency-cancels over gRPC, through the same use case (no original named). */
export function emergencyCancelRpc(followUps: FollowUpUseCase): TerminalRpc<EmptyRequestMessage, NoFieldsDto, CardTransactionResponseMessage> {
  return {
    dto: NoFieldsDto,
    toDto: () => ({}),
    execute: ({ terminal, idempotencyKey, connection }) => followUps.execute(terminal, idempotencyKey, 'emergency_cancel', {}, undefined, connection),
    answer: grpcAnswerOf,
  };
}

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
