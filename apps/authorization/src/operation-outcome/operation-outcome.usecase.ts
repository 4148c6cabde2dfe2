import { Injectable } from '@nestjs/common';

import type { OperationOutcomeQuery, OperationOutcomeStatus } from '@payments/contracts';

import { CashierPromptStep } from '../operation/cashier-prompt.step';
import { OperationRepository } from '../operation/operation.repository';

/**
 * Where the journal stands on a transaction id, read only: a gateway that takes over a request
 * whose gateway stopped asks before it sends anything. A running attempt stays running (this
 * service's own recovery finishes one whose process stopped); a finished one answers with the
 * reply its register would have had (a replay gives the same), a prompt with the prompt.
 */
@Injectable()
export class OperationOutcomeUseCase {
  constructor(
    private readonly operations: OperationRepository,
    private readonly prompts: CashierPromptStep,
  ) {}

  async execute({ transactionId }: OperationOutcomeQuery): Promise<OperationOutcomeStatus> {
    const row = await this.operations.findById(transactionId);
    if (!row) return { transactionId, state: 'not_journaled' };
    if (row.status === 'pending') return { transactionId, state: 'pending' };
    return { transactionId, state: 'final', outcome: await this.prompts.replyOf(row) };
  }
}
