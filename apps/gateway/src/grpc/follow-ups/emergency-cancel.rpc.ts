import { FollowUpUseCase } from '../../follow-ups/follow-up.usecase';
import { grpcAnswerOf } from '../register-outcome.grpc';
import { NoFieldsDto } from '../no-fields.dto';
import { CardTransactionResponseMessage, EmptyRequestMessage } from '../terminal.messages';
import { TerminalRpc } from '../terminal-rpc.adapter';

/** TerminalService.EmergencyCancel: POST /v1/emergency-cancels over gRPC, through the same use case (no original named). */
export function emergencyCancelRpc(followUps: FollowUpUseCase): TerminalRpc<EmptyRequestMessage, NoFieldsDto, CardTransactionResponseMessage> {
  return {
    dto: NoFieldsDto,
    toDto: () => ({}),
    execute: ({ terminal, idempotencyKey, connection }) => followUps.execute(terminal, idempotencyKey, 'emergency_cancel', {}, undefined, connection),
    answer: grpcAnswerOf,
  };
}
