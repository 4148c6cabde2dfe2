import { FollowUpDto } from '../../follow-ups/dto/follow-up.dto';
import { FollowUpUseCase, originalReferenceOf } from '../../follow-ups/follow-up.usecase';
import { grpcAnswerOf } from '../register-outcome.grpc';
import { followUpDtoOf } from '../terminal-message.mapper';
import { CardTransactionResponseMessage, FollowUpRequestMessage } from '../terminal.messages';
import { TerminalRpc } from '../terminal-rpc.adapter';

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
