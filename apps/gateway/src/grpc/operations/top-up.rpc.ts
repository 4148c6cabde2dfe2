import { CardOperationUseCase } from '../../operations/card-operation.usecase';
import { CreatePurchaseDto } from '../../purchases/dto/create-purchase.dto';
import { cardPaymentDtoOf, cardTransactionResponseOf } from '../terminal-message.mapper';
import { CardPaymentRequestMessage, CardTransactionResponseMessage } from '../terminal.messages';
import { TerminalRpc } from '../terminal-rpc.adapter';

/** TerminalService.TopUp: POST /v1/top-ups over gRPC, through the same use case. */
export function topUpRpc(operations: CardOperationUseCase): TerminalRpc<CardPaymentRequestMessage, CreatePurchaseDto, CardTransactionResponseMessage> {
  return {
    dto: CreatePurchaseDto,
    toDto: cardPaymentDtoOf,
    execute: ({ terminal, idempotencyKey, dto, connection }) => operations.execute(terminal, idempotencyKey, 'top_up', dto, connection),
    toResponse: cardTransactionResponseOf,
  };
}
