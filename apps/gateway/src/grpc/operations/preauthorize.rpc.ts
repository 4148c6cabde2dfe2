import { CardOperationUseCase } from '../../operations/card-operation.usecase';
import { CreatePurchaseDto } from '../../purchases/dto/create-purchase.dto';
import { cardPaymentDtoOf, cardTransactionResponseOf } from '../terminal-message.mapper';
import { CardPaymentRequestMessage, CardTransactionResponseMessage } from '../terminal.messages';
import { TerminalRpc } from '../terminal-rpc.adapter';

/** TerminalService.Preauthorize: POST /v1/preauthorizations over gRPC, through the same use case. */
export function preauthorizeRpc(operations: CardOperationUseCase): TerminalRpc<CardPaymentRequestMessage, CreatePurchaseDto, CardTransactionResponseMessage> {
  return {
    dto: CreatePurchaseDto,
    toDto: cardPaymentDtoOf,
    execute: ({ terminal, idempotencyKey, dto, connection }) => operations.execute(terminal, idempotencyKey, 'preauthorization', dto, connection),
    toResponse: cardTransactionResponseOf,
  };
}
