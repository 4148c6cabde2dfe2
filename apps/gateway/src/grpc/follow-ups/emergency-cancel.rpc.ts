import { FollowUpUseCase } from '../../follow-ups/follow-up.usecase';
import { NoFieldsDto } from '../no-fields.dto';
import { cardTransactionResponseOf } from '../terminal-message.mapper';
import { CardTransactionResponseMessage, EmptyRequestMessage } from '../terminal.messages';
import { TerminalRpc } from '../terminal-rpc.adapter';

/** TerminalService.EmergencyCancel: POST /v1/emergency-cancels over gRPC, through the same use case (no original named). */
export function emergencyCancelRpc(followUps: FollowUpUseCase): TerminalRpc<EmptyRequestMessage, NoFieldsDto, CardTransactionResponseMessage> {
  return {
    dto: NoFieldsDto,
    toDto: () => ({}),
    execute: ({ terminal, idempotencyKey, connection }) => followUps.execute(terminal, idempotencyKey, 'emergency_cancel', {}, undefined, connection),
    toResponse: cardTransactionResponseOf,
  };
}
