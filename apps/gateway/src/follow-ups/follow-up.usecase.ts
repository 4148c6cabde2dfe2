import { BadRequestException, Injectable } from '@nestjs/common';

import { FollowUpOperation, followUpRpc, OriginalReference } from '@payments/contracts';

import { RegisterOutcome } from '../outcomes/register-outcome';
import { RegisterOperationRunner } from '../operations/register-operation.runner';
import { Terminal } from '../terminals/terminal';
import { FollowUpAmountDto, FollowUpDto } from './dto/follow-up.dto';

/** Cancel, refund, completion, emergency cancel: an operation on an earlier one of this terminal. */
@Injectable()
export class FollowUpUseCase {
  constructor(private readonly runner: RegisterOperationRunner) {}

  execute(
    terminal: Terminal,
    idempotencyKey: string,
    operation: FollowUpOperation,
    dto: FollowUpDto | FollowUpAmountDto,
    original?: OriginalReference,
    connection?: AbortSignal,
  ): Promise<RegisterOutcome> {
    return this.runner.run(
      terminal,
      idempotencyKey,
      { operation, ...dto, original },
      followUpRpc,
      (transactionId) => ({
        transactionId,
        operation,
        terminalId: terminal.terminalId,
        merchantId: terminal.merchantId,
        original,
        amountMinor: dto.amount === undefined ? undefined : String(dto.amount),
        currency: dto.currency,
        requestedAt: new Date().toISOString(),
      }),
      connection,
    );
  }
}

/** The original named in the body: the id, or approval code + RRN together; never both, never half. */
export function originalReferenceOf(dto: FollowUpDto): OriginalReference {
  const byReceipt = dto.approvalCode !== undefined || dto.rrn !== undefined;
  if (dto.originalTransactionId && byReceipt) throw new BadRequestException('original: give originalTransactionId or approvalCode + rrn, not both');
  if (dto.originalTransactionId) return { transactionId: dto.originalTransactionId };
  if (dto.approvalCode && dto.rrn) return { approvalCode: dto.approvalCode, rrn: dto.rrn };
  if (byReceipt) throw new BadRequestException('original: approvalCode and rrn go together');
  throw new BadRequestException('original: originalTransactionId, or approvalCode + rrn from the receipt, is required');
}

/** A refund may name no original at all: the server then asks the cashier for the RRN on its receipt. */
export function refundOriginalOf(dto: FollowUpDto): OriginalReference | undefined {
  if (dto.originalTransactionId === undefined && dto.approvalCode === undefined && dto.rrn === undefined) return undefined;
  return originalReferenceOf(dto);
}
