import { CardOperationUseCase } from '../../operations/card-operation.usecase';
import { CreatePurchaseDto } from '../../purchases/dto/create-purchase.dto';
import { cardPaymentDtoOf, cardTransactionResponseOf } from '../terminal-message.mapper';
import { CardPaymentRequestMessage, CardTransactionResponseMessage } from '../terminal.messages';
import { TerminalRpc } from '../terminal-rpc.adapter';

/** TerminalService.CashWithdrawal: POST /v1/cash-withdrawals over gRPC, through the same use case. */
export function cashWithdrawalRpc(operations: CardOperationUseCase): TerminalRpc<CardPaymentRequestMessage, CreatePurchaseDto, CardTransactionResponseMessage> {
  return {
    dto: CreatePurchaseDto,
    toDto: cardPaymentDtoOf,
    execute: ({ terminal, idempotencyKey, dto, connection }) => operations.execute(terminal, idempotencyKey, 'cash_withdrawal', dto, connection),
    toResponse: cardTransactionResponseOf,
  };
}
