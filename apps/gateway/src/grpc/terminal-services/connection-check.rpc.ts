import { TerminalServiceUseCase } from '../../terminal-services/terminal-service.usecase';
import { NoFieldsDto } from '../no-fields.dto';
import { ConnectionCheckResponseMessage, EmptyRequestMessage } from '../terminal.messages';
import { TerminalQueryRpc } from '../terminal-rpc.adapter';
import { serviceFieldsOf, TerminalServiceBody } from './terminal-service-message.mapper';

/** A 200 connection check body as ConnectionCheckResponse. */
export function connectionCheckResponseOf(body: TerminalServiceBody): ConnectionCheckResponseMessage {
  return { ...serviceFieldsOf(body), connection: body.connection ?? null };
}

/** TerminalService.ConnectionCheck: POST /v1/connection-checks over gRPC, through the same use case (no idempotency-key). */
export function connectionCheckRpc(services: TerminalServiceUseCase): TerminalQueryRpc<EmptyRequestMessage, NoFieldsDto, ConnectionCheckResponseMessage> {
  return {
    dto: NoFieldsDto,
    toDto: () => ({}),
    execute: ({ terminal }) => services.ask(terminal, { operation: 'connection_check' }),
    toResponse: (body) => connectionCheckResponseOf(body as TerminalServiceBody),
  };
}
