import { Injectable } from '@nestjs/common';

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
