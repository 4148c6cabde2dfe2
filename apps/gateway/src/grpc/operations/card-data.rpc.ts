import { CardInquiryDto } from '../../operations/card-inquiry.dto';
import { CardOperationUseCase } from '../../operations/card-operation.usecase';
import { cardInquiryDtoOf, cardTransactionResponseOf } from '../terminal-message.mapper';
import { CardInquiryRequestMessage, CardTransactionResponseMessage } from '../terminal.messages';
import { TerminalRpc } from '../terminal-rpc.adapter';

/** TerminalService.CardData: POST /v1/card-reads over gRPC, through the same use case (no host is asked). */
export function cardDataRpc(operations: CardOperationUseCase): TerminalRpc<CardInquiryRequestMessage, CardInquiryDto, CardTransactionResponseMessage> {
  return {
    dto: CardInquiryDto,
    toDto: cardInquiryDtoOf,
    execute: ({ terminal, idempotencyKey, dto, connection }) => operations.execute(terminal, idempotencyKey, 'card_data', dto, connection),
    toResponse: cardTransactionResponseOf,
  };
}
