import { Injectable, Logger } from '@nestjs/common';

import type { AbandonCommand } from '@payments/contracts';
import type { Envelope } from '@payments/messaging';

import { RECEIVED_TOO_LATE } from '../acquirer/response-codes';
import { OperationRepository } from '../operation/operation.repository';
import { OutcomeRecorder } from '../operation/outcome.recorder';
import { abandonedApprovalReason, AbandonmentDecision, decideAbandonment } from './abandonment.rules';
import { AbandonmentRepository } from './abandonment.repository';

export const ABANDONMENT_CONSUMER = 'authorization.abandonment';

/**
 * A register never learned a transaction's outcome. In one database transaction: count the
 * report once (inbox), keep it, and if the transaction is an approved money-moving operation,
 * make it unknown with its reversal queued (the reversal worker then sends the 0400). A pending
 * one is reversed when its approval arrives (OutcomeRecorder checks the kept report).
 */
@Injectable()
export class AbandonTransactionUseCase {
  private readonly logger = new Logger(AbandonTransactionUseCase.name);

  constructor(
    private readonly operations: OperationRepository,
    private readonly outcomes: OutcomeRecorder,
    private readonly abandonments: AbandonmentRepository,
  ) {}

  /** What was decided; undefined for a redelivered message, which changes nothing. */
  async execute(message: Envelope<AbandonCommand>): Promise<AbandonmentDecision | undefined> {
    const command = message.value;
    const decision = await this.operations.transaction(async (tx) => {
      if (!(await this.abandonments.firstDelivery(tx, message.id, ABANDONMENT_CONSUMER))) return undefined;
      await this.abandonments.lockTransaction(tx, command.transactionId);
      const row = await this.operations.lock(tx, command.transactionId);
      const decided = decideAbandonment(row, command.terminalId);
      if (decided.kind === 'ignore') return decided;
      await this.abandonments.record(tx, command);
      if (decided.kind === 'reverse') {
        const reason = abandonedApprovalReason(command.reason);
        await this.outcomes.finalizeIn(
          tx,
          command.transactionId,
          { status: 'unknown', responseCode: RECEIVED_TOO_LATE, reason },
          () => undefined,
          { reason },
          undefined,
          'approved',
        );
      }
      return decided;
    });
    if (decision) this.logger.log(`abandonment of ${command.transactionId} by terminal ${command.terminalId}: ${describe(decision)}`);
    return decision;
  }
}

function describe(decision: AbandonmentDecision): string {
  return decision.kind === 'reverse' ? 'approved, now unknown; reversal queued' : `${decision.kind.replace('_', ' ')} (${decision.why})`;
}
