import { CreatePurchaseUseCase } from '../../purchases/create-purchase.usecase';
import { CreatePurchaseDto } from '../../purchases/dto/create-purchase.dto';
import { grpcAnswerOf } from '../register-outcome.grpc';
import { cardPaymentDtoOf } from '../terminal-message.mapper';
import { PurchaseRequestMessage, PurchaseResponseMessage } from '../terminal.messages';
import { TerminalRpc } from '../terminal-rpc.adapter';

/** PurchaseRequest as the body of POST /v1/purchases. */
export function purchaseDtoOf(request: PurchaseRequestMessage): object {
  return cardPaymentDtoOf(request);
}

/** TerminalService.Purchase: POST /v1/purchases over gRPC, through the same use case. */
export function purchaseRpc(purchases: CreatePurchaseUseCase): TerminalRpc<PurchaseRequestMessage, CreatePurchaseDto, PurchaseResponseMessage> {
  return {
    dto: CreatePurchaseDto,
    toDto: purchaseDtoOf,
    execute: ({ terminal, idempotencyKey, dto, connection }) => purchases.execute(terminal, idempotencyKey, dto, connection),
    answer: grpcAnswerOf,
  };
}
