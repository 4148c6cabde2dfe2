import type { TerminalServiceOutcome } from '../../outcomes/terminal-service-outcome';
import { TerminalServiceUseCase } from '../../terminal-services/terminal-service.usecase';
import { NoFieldsDto } from '../no-fields.dto';
import { grpcServiceAnswerOf } from '../register-outcome.grpc';
import { textOf } from '../terminal-message.mapper';
import {
  CloseDayResponseMessage,
  ConnectionCheckResponseMessage,
  EmptyRequestMessage,
  ReceiptCopyRequestMessage,
  ReceiptCopyResponseMessage,
  ReportRequestMessage,
  ReportResponseMessage,
} from '../terminal.messages';
import { TerminalCall, TerminalQueryRpc, TerminalRpc } from '../terminal-rpc.adapter';
import { ReceiptCopyRequestDto } from './receipt-copy-request.dto';
import { ReportRequestDto } from './report-request.dto';
import { closeDayResponseOf, connectionCheckResponseOf, receiptCopyResponseOf, reportDtoOf, reportResponseOf } from './terminal-service-message.mapper';

/** TerminalService.ConnectionCheck: POST /v1/connection-checks over gRPC, through the same use case (no idempotency-key). */
export function connectionCheckRpc(
  services: TerminalServiceUseCase,
): TerminalQueryRpc<EmptyRequestMessage, NoFieldsDto, ConnectionCheckResponseMessage, TerminalServiceOutcome> {
  return {
    dto: NoFieldsDto,
    toDto: () => ({}),
    execute: ({ terminal }) => services.ask(terminal, { operation: 'connection_check' }),
    answer: (outcome) => grpcServiceAnswerOf(outcome, connectionCheckResponseOf),
  };
}

/** TerminalService.CloseDay: POST /v1/close-day over gRPC, through the same use case; idempotent by key, as in REST. */
export function closeDayRpc(
  services: TerminalServiceUseCase,
): TerminalRpc<EmptyRequestMessage, NoFieldsDto, CloseDayResponseMessage, TerminalCall<NoFieldsDto>, TerminalServiceOutcome> {
  return {
    dto: NoFieldsDto,
    toDto: () => ({}),
    execute: ({ terminal, idempotencyKey }) => services.closeDay(terminal, idempotencyKey),
    answer: (outcome) => grpcServiceAnswerOf(outcome, closeDayResponseOf),
  };
}

/** TerminalService.Report: GET /v1/reports/{kind}?batch=N over gRPC, through the same use case (no idempotency-key). */
export function reportRpc(
  services: TerminalServiceUseCase,
): TerminalQueryRpc<ReportRequestMessage, ReportRequestDto, ReportResponseMessage, TerminalServiceOutcome> {
  return {
    dto: ReportRequestDto,
    toDto: reportDtoOf,
    execute: ({ terminal, dto }) => services.ask(terminal, { operation: 'report', kind: dto.kind, batchNumber: dto.batchNumber }),
    answer: (outcome) => grpcServiceAnswerOf(outcome, reportResponseOf),
  };
}

/** TerminalService.ReceiptCopy: GET /v1/receipts/{id} (or /last for an empty id) over gRPC, through the same use case. */
export function receiptCopyRpc(
  services: TerminalServiceUseCase,
): TerminalQueryRpc<ReceiptCopyRequestMessage, ReceiptCopyRequestDto, ReceiptCopyResponseMessage, TerminalServiceOutcome> {
  return {
    dto: ReceiptCopyRequestDto,
    toDto: (request) => ({ transactionId: textOf(request.transactionId) }),
    execute: ({ terminal, dto }) => services.ask(terminal, { operation: 'receipt_copy', transactionId: dto.transactionId }),
    answer: (outcome) => grpcServiceAnswerOf(outcome, receiptCopyResponseOf),
  };
}
