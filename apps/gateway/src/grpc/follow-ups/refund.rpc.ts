import { FollowUpDto } from '../../follow-ups/dto/follow-up.dto';
import { FollowUpUseCase, refundOriginalOf } from '../../follow-ups/follow-up.usecase';
import { grpcAnswerOf } from '../register-outcome.grpc';
import { followUpDtoOf } from '../terminal-message.mapper';
import { CardTransactionResponseMessage, FollowUpRequestMessage } from '../terminal.messages';
import { TerminalRpc } from '../terminal-rpc.adapter';

/** TerminalService.Refund: POST /v1/refunds over gRPC, through the same use case (no original named: a prompt for its RRN). */
export function refundRpc(followUps: FollowUpUseCase): TerminalRpc<FollowUpRequestMessage, FollowUpDto, CardTransactionResponseMessage> {
  return {
    dto: FollowUpDto,
    toDto: followUpDtoOf,
    execute: ({ terminal, idempotencyKey, dto, connection }) => followUps.execute(terminal, idempotencyKey, 'refund', dto, refundOriginalOf(dto), connection),
    answer: grpcAnswerOf,
  };
}
