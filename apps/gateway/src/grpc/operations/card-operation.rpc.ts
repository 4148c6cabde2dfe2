import type { CardOperation } from '@payments/contracts';

import { CardInquiryDto } from '../../operations/card-inquiry.dto';
import { CardOperationUseCase } from '../../operations/card-operation.usecase';
import { CreatePurchaseUseCase } from '../../purchases/create-purchase.usecase';
import { CreatePurchaseDto } from '../../operations/dto/create-purchase.dto';
import { grpcAnswerOf } from '../register-outcome.grpc';
import { cardInquiryDtoOf, cardPaymentDtoOf } from '../terminal-message.mapper';
import {
  CardInquiryRequestMessage,
  CardPaymentRequestMessage,
  CardTransactionResponseMessage,
  PurchaseRequestMessage,
  PurchaseResponseMessage,
} from '../terminal.messages';
import { TerminalRpc } from '../terminal-rpc.adapter';

/** TerminalService.Purchase: POST /v1/purchases over gRPC, through the same use case (the request is the body of every card payment). */
export function purchaseRpc(purchases: CreatePurchaseUseCase): TerminalRpc<PurchaseRequestMessage, CreatePurchaseDto, PurchaseResponseMessage> {
  return {
    dto: CreatePurchaseDto,
    toDto: cardPaymentDtoOf,
    execute: ({ terminal, idempotencyKey, dto, connection }) => purchases.execute(terminal, idempotencyKey, dto, connection),
    answer: grpcAnswerOf,
  };
}

/** TerminalService.CashWithdrawal, TopUp, Preauthorize: POST /v1/cash-withdrawals, /v1/top-ups, /v1/preauthorizations over gRPC, through the same use case. */
export function cardPaymentRpc(
  operations: CardOperationUseCase,
  operation: Extract<CardOperation, 'cash_withdrawal' | 'top_up' | 'preauthorization'>,
): TerminalRpc<CardPaymentRequestMessage, CreatePurchaseDto, CardTransactionResponseMessage> {
  return {
    dto: CreatePurchaseDto,
    toDto: cardPaymentDtoOf,
    execute: ({ terminal, idempotencyKey, dto, connection }) => operations.execute(terminal, idempotencyKey, operation, dto, connection),
    answer: grpcAnswerOf,
  };
}

/** TerminalService.Balance, CardData: POST /v1/balance-inquiries, /v1/card-reads over gRPC, through the same use case (the card is read, no amount). */
export function cardInquiryRpc(
  operations: CardOperationUseCase,
  operation: Extract<CardOperation, 'balance_inquiry' | 'card_data'>,
): TerminalRpc<CardInquiryRequestMessage, CardInquiryDto, CardTransactionResponseMessage> {
  return {
    dto: CardInquiryDto,
    toDto: cardInquiryDtoOf,
    execute: ({ terminal, idempotencyKey, dto, connection }) => operations.execute(terminal, idempotencyKey, operation, dto, connection),
    answer: grpcAnswerOf,
  };
}
