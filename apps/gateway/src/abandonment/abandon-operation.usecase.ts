import { Injectable, Logger } from '@nestjs/common';

import { isReversedOnAbandonment, Operation } from '@payments/contracts';

import type { OperationOutcome, OutcomeUnknown } from '../outcomes/register-outcome';
import { Terminal } from '../terminals/terminal';
import { AbandonmentRepository } from './abandonment.repository';

/** What the register gave up on, in its words: the journal keeps it, the register's answer starts with it. */
export interface Abandonment {
  readonly transactionId: string;
  readonly operation: Operation;
  /** e.g. "the register did not receive the outcome within 8000 ms". */
  readonly reason: string;
}

/**
 * The register will never see an operation's outcome. Authorization is told (it reverses whatever
 * moves or holds money, and only that), and the idempotency record says what a retry must know:
 * an operation being reversed is over, the register starts a new one; one that stands (a cancel,
 * a balance inquiry) keeps waiting for its outcome.
 */
@Injectable()
export class AbandonOperationUseCase {
  private readonly logger = new Logger(AbandonOperationUseCase.name);

  constructor(private readonly abandonments: AbandonmentRepository) {}

  async execute(terminal: Terminal, abandonment: Abandonment): Promise<OperationOutcome> {
    const { transactionId, operation, reason } = abandonment;
    const command = { transactionId, terminalId: terminal.terminalId, reason, abandonedAt: new Date().toISOString() };
    if (!isReversedOnAbandonment(operation)) {
      await this.abandonments.report(command);
      const message = `${reason}; this ${operation.replaceAll('_', ' ')} is not reversed: retry with the same Idempotency-Key for its outcome`;
      return { kind: 'outcome_unknown', transactionId, message };
    }
    const message = `${reason}; this ${operation.replaceAll('_', ' ')} is being reversed and moves no money: start a new operation with a new Idempotency-Key`;
    const outcome: OutcomeUnknown = { kind: 'outcome_unknown', transactionId, message };
    const storedFirst = await this.abandonments.abandon(command, outcome);
    if (storedFirst) return storedFirst;
    this.logger.warn(`${operation} ${transactionId} abandoned by terminal ${terminal.terminalId} (${reason}); reversal asked`);
    return outcome;
  }
}
