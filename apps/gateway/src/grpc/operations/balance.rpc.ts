import { CardInquiryDto } from '../../operations/card-inquiry.dto';
import { CardOperationUseCase } from '../../operations/card-operation.usecase';
import { cardInquiryDtoOf, cardTransactionResponseOf } from '../terminal-message.mapper';
import { CardInquiryRequestMessage, CardTransactionResponseMessage } from '../terminal.messages';
import { TerminalRpc } from '../terminal-rpc.adapter';

/** TerminalService.Balance: POST /v1/balance-inquiries over gRPC, through the same use case. */
export function balanceRpc(operations: CardOperationUseCase): TerminalRpc<CardInquiryRequestMessage, CardInquiryDto, CardTransactionResponseMessage> {
  return {
    dto: CardInquiryDto,
    toDto: cardInquiryDtoOf,
    execute: ({ terminal, idempotencyKey, dto, connection }) => operations.execute(terminal, idempotencyKey, 'balance_inquiry', dto, connection),
    toResponse: cardTransactionResponseOf,
  };
}
