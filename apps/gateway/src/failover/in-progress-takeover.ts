import { Inject, Injectable, Logger } from '@nestjs/common';

import { isReversedOnAbandonment, operationOutcomeRpc, OperationOutcomeStatus } from '@payments/contracts';
import type { Rpc } from '@payments/rpc';
import { RPC } from '@payments/runtime';

import { AbandonOperationUseCase } from '../abandonment/abandon-operation.usecase';
import { GATEWAY_ENV, GatewayEnv } from '../config/gateway-env';
import { IdempotencyRepository } from '../idempotency/idempotency.repository';
import { decidedOutcomeOf, IdempotencyRefusal, OperationOutcome } from '../outcomes/register-outcome';
import { Terminal } from '../terminals/terminal';

/** What a retry of a request in progress gets: an answer now, or the go-ahead to send its transaction (never sent yet). */
export type TakeOverResult = { kind: 'answered'; outcome: OperationOutcome | IdempotencyRefusal } | { kind: 'run' };

/** How long the take-over waits for authorization's answer; past it the register is told 409 and retries. */
const OUTCOME_QUERY_TIMEOUT_MS = 3_000;

/**
 * A request still in progress after its lease (the register's deadline plus a margin) lost its
 * gateway: a live gateway has answered or abandoned it by then. The next request with the key
 * takes the record over (a conditional update: one gateway, once) and asks authorization where
 * the transaction stands:
 * - never journaled (the gateway stopped before forwarding): the transaction is sent now, under
 *   its id, as the first gateway would have;
 * - still pending: 409 in progress, as before (authorization finishes its own attempt);
 * - final: what the first gateway would have done with it. Its register's connection closed with
 *   that gateway, before it could learn the outcome, and the register's deadline has passed, so
 *   an approval that moves money is abandoned and reversed (as for any register that went away:
 *   see `abandonment/`), and the register is told to start a new operation; any other outcome
 *   (a decline, a rejection, a prompt, an approval that stands) completes the record and is answered.
 */
@Injectable()
export class InProgressTakeover {
  private readonly logger = new Logger(InProgressTakeover.name);

  constructor(
    @Inject(RPC) private readonly rpc: Rpc,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    private readonly records: IdempotencyRepository,
    private readonly abandon: AbandonOperationUseCase,
  ) {}

  /** `refusal`: what the key answers today (its request in progress, under its transaction id). */
  async resolve(terminal: Terminal, refusal: Extract<IdempotencyRefusal, { kind: 'in_progress' }>): Promise<TakeOverResult> {
    const inProgress: TakeOverResult = { kind: 'answered', outcome: refusal };
    const { transactionId } = refusal;
    const leaseMs = this.env.GATEWAY_AUTHORIZE_TIMEOUT_MS + this.env.GATEWAY_IN_PROGRESS_LEASE_MARGIN_MS;
    if (!(await this.records.takeOver(transactionId, leaseMs))) return inProgress;
    let status: OperationOutcomeStatus;
    try {
      status = await this.rpc.call(operationOutcomeRpc, { transactionId }, { deadlineAt: Date.now() + OUTCOME_QUERY_TIMEOUT_MS });
    } catch (error) {
      // The record stays held for one more lease; a retry after it asks again.
      this.logger.warn(`transaction ${transactionId} taken over, but authorization did not say where it stands: ${(error as Error).message}`);
      return inProgress;
    }
    this.logger.warn(`transaction ${transactionId} of terminal ${terminal.terminalId} taken over from a gateway that stopped: ${status.state}`);
    if (status.state === 'not_journaled') return { kind: 'run' };
    if (status.state === 'pending' || !status.outcome) return inProgress;
    const reply = status.outcome;
    if (reply.status === 'approved' && isReversedOnAbandonment(reply.operation)) {
      const reason = 'the gateway that took this request stopped before the register received the outcome';
      return { kind: 'answered', outcome: await this.abandon.execute(terminal, { transactionId, operation: reply.operation, reason }) };
    }
    const outcome = decidedOutcomeOf(reply);
    await this.records.complete(transactionId, outcome);
    return { kind: 'answered', outcome };
  }
}
