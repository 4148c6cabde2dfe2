import { TerminalServiceUseCase } from '../../terminal-services/terminal-service.usecase';
import { cardTransactionOf, textOf } from '../terminal-message.mapper';
import { ReceiptCopyRequestMessage, ReceiptCopyResponseMessage } from '../terminal.messages';
import { TerminalQueryRpc } from '../terminal-rpc.adapter';
import { ReceiptCopyRequestDto } from './receipt-copy-request.dto';
import { serviceFieldsOf, TerminalServiceBody } from './terminal-service-message.mapper';

/** A 200 receipt copy body as ReceiptCopyResponse: the operation, its receipt marked COPY. */
export function receiptCopyResponseOf(body: TerminalServiceBody): ReceiptCopyResponseMessage {
  return { ...serviceFieldsOf(body), transaction: body.receipt ? cardTransactionOf(body.receipt) : null };
}

/** TerminalService.ReceiptCopy: GET /v1/receipts/{id} (or /last for an empty id) over gRPC, through the same use case. */
export function receiptCopyRpc(
  services: TerminalServiceUseCase,
): TerminalQueryRpc<ReceiptCopyRequestMessage, ReceiptCopyRequestDto, ReceiptCopyResponseMessage> {
  return {
    dto: ReceiptCopyRequestDto,
    toDto: (request) => ({ transactionId: textOf(request.transactionId) }),
    execute: ({ terminal, dto }) => services.ask(terminal, { operation: 'receipt_copy', transactionId: dto.transactionId }),
    toResponse: (body) => receiptCopyResponseOf(body as TerminalServiceBody),
  };
}
