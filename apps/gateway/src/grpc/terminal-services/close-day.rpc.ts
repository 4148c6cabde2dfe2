import { TerminalServiceUseCase } from '../../terminal-services/terminal-service.usecase';
import { NoFieldsDto } from '../no-fields.dto';
import { CloseDayResponseMessage, EmptyRequestMessage } from '../terminal.messages';
import { TerminalRpc } from '../terminal-rpc.adapter';
import { batchOf, serviceFieldsOf, TerminalServiceBody } from './terminal-service-message.mapper';

/** A 200 close of day body as CloseDayResponse: the closed batch and the one opened after it. */
export function closeDayResponseOf(body: TerminalServiceBody): CloseDayResponseMessage {
  return { ...serviceFieldsOf(body), batch: batchOf(body.batch), nextBatchNumber: body.nextBatchNumber ?? 0 };
}

/** TerminalService.CloseDay: POST /v1/close-day over gRPC, through the same use case; idempotent by key, as in REST. */
export function closeDayRpc(services: TerminalServiceUseCase): TerminalRpc<EmptyRequestMessage, NoFieldsDto, CloseDayResponseMessage> {
  return {
    dto: NoFieldsDto,
    toDto: () => ({}),
    execute: ({ terminal, idempotencyKey }) => services.closeDay(terminal, idempotencyKey),
    toResponse: (body) => closeDayResponseOf(body as TerminalServiceBody),
  };
}
