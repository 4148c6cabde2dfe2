import { TerminalServiceUseCase } from '../../terminal-services/terminal-service.usecase';
import { cardTransactionOf } from '../terminal-message.mapper';
import { ReportRequestMessage, ReportResponseMessage } from '../terminal.messages';
import { TerminalQueryRpc } from '../terminal-rpc.adapter';
import { ReportRequestDto } from './report-request.dto';
import { batchOf, serviceFieldsOf, TerminalServiceBody } from './terminal-service-message.mapper';

const KINDS: Record<string, string | undefined> = { REPORT_KIND_UNSPECIFIED: undefined, REPORT_KIND_SHORT: 'short', REPORT_KIND_FULL: 'full' };

/** ReportRequest as REST's kind and batch: batch 0 is the open batch, as an absent ?batch. Unknown kinds pass through, for validation to name. */
export function reportDtoOf(request: ReportRequestMessage): object {
  const kind = String(request.kind);
  return { kind: kind in KINDS ? KINDS[kind] : kind, batchNumber: request.batchNumber > 0 ? request.batchNumber : undefined };
}

/** A 200 report body as ReportResponse: the batch, and for a full report every operation in it. */
export function reportResponseOf(body: TerminalServiceBody): ReportResponseMessage {
  return { ...serviceFieldsOf(body), batch: batchOf(body.batch), transactions: (body.transactions ?? []).map(cardTransactionOf) };
}

/** TerminalService.Report: GET /v1/reports/{kind}?batch=N over gRPC, through the same use case (no idempotency-key). */
export function reportRpc(services: TerminalServiceUseCase): TerminalQueryRpc<ReportRequestMessage, ReportRequestDto, ReportResponseMessage> {
  return {
    dto: ReportRequestDto,
    toDto: reportDtoOf,
    execute: ({ terminal, dto }) => services.ask(terminal, { operation: 'report', kind: dto.kind, batchNumber: dto.batchNumber }),
    toResponse: (body) => reportResponseOf(body as TerminalServiceBody),
  };
}
