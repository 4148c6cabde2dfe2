import { Inject, Injectable, Logger } from '@nestjs/common';

import { AuthorizeReply, isReversedOnAbandonment, Operation, RpcContract } from '@payments/contracts';
import { Headers } from '@payments/messaging';
import { isOutcomeUnknown, RpcDeadlineError, type Rpc } from '@payments/rpc';
import { RPC } from '@payments/runtime';

import { AbandonOperationUseCase } from '../abandonment/abandon-operation.usecase';
import { AbandonmentRepository } from '../abandonment/abandonment.repository';
import { GATEWAY_ENV, GatewayEnv } from '../config/gateway-env';
import { InProgressTakeover } from '../failover/in-progress-takeover';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { decidedOutcomeOf, OperationOutcome, RegisterOutcome } from '../outcomes/register-outcome';
import { Terminal } from '../terminals/terminal';

/**
 * The path every money-moving register request takes: claim the Idempotency-Key (same key and
 * body replays the first outcome), call authorization with the register's deadline, keep the
 * outcome. When the register cannot learn the outcome (the deadline passed,
 * or its connection closed before an approval was written), the operation is abandoned:
 * authorization reverses what moves money, and the key replays that instead of a late approval.
 * So is one whose call broke after it was sent (authorization stopped): its outcome is unknown.
 */
@Injectable()
export class RegisterOperationRunner {
  private readonly logger = new Logger(RegisterOperationRunner.name);

  constructor(
    @Inject(RPC) private readonly rpc: Rpc,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    private readonly idempotency: IdempotencyService,
    private readonly abandon: AbandonOperationUseCase,
    private readonly abandonments: AbandonmentRepository,
    private readonly takeover: InProgressTakeover,
  ) {}

  /** An outcome that arrived after the register was told it is unknown, while the call was still kept open. */
  async keepLateReply(reply: AuthorizeReply): Promise<void> {
    const { transactionId, status } = reply;
    this.logger.warn(`late authorization reply for transaction ${transactionId}: ${status}`);
    // A late decline moved no money: a retry may see it even after the register gave up.
    await this.abandonments.completeLate(transactionId, decidedOutcomeOf(reply), status === 'declined' || status === 'rejected');
  }

  /**
   * A new key's transaction id, or the id of one whose gateway stopped before forwarding it (taken
   * over: sent now, once); otherwise what the key answers (its outcome, or a refusal).
   */
  private async transactionToSend(terminal: Terminal, idempotencyKey: string, body: object): Promise<string | RegisterOutcome> {
    const start = await this.idempotency.start<OperationOutcome>(terminal.clientId, idempotencyKey, body);
    if (start.kind === 'new') return start.transactionId;
    if (start.outcome.kind !== 'in_progress') return start.outcome;
    const takenOver = await this.takeover.resolve(terminal, start.outcome);
    return takenOver.kind === 'run' ? start.outcome.transactionId : takenOver.outcome;
  }

  /** `connection`: aborted when the register's connection closed before the response was written. */
  async run<Q extends { operation: Operation }>(
    terminal: Terminal,
    idempotencyKey: string,
    body: object,
    contract: RpcContract<Q, AuthorizeReply>,
    requestOf: (transactionId: string) => Q,
    connection?: AbortSignal,
  ): Promise<RegisterOutcome> {
    const transactionId = await this.transactionToSend(terminal, idempotencyKey, body);
    if (typeof transactionId !== 'string') return transactionId;
    const request = requestOf(transactionId);
    let reply: AuthorizeReply;
    try {
      reply = await this.rpc.call(contract, request, {
        deadlineAt: Date.now() + this.env.GATEWAY_AUTHORIZE_TIMEOUT_MS,
        metadata: { [Headers.idempotencyKey]: idempotencyKey },
        lateReply: { graceMs: this.env.GATEWAY_LATE_REPLY_GRACE_MS, handler: (late) => this.keepLateReply(late) },
      });
    } catch (error) {
      if (!isOutcomeUnknown(error)) throw error;
      const reason =
        error instanceof RpcDeadlineError
          ? `the register did not receive the outcome within ${this.env.GATEWAY_AUTHORIZE_TIMEOUT_MS} ms`
          : `the call to authorization broke before its outcome arrived (${error.detail})`;
      return this.abandon.execute(terminal, { transactionId, operation: request.operation, reason });
    }
    // An approval nobody will read is reversed; any other outcome is kept for a retry with the key.
    // Should the connection close after this check, the approval stays: a retry replays it.
    if (connection?.aborted && reply.status === 'approved' && isReversedOnAbandonment(reply.operation)) {
      const reason = "the register's connection closed before the outcome was delivered";
      return this.abandon.execute(terminal, { transactionId, operation: reply.operation, reason });
    }
    // Another gateway may have taken the record over (this one stalled past its lease) and settled
    // it: then its outcome is the register's, not this reply.
    return this.idempotency.settle(transactionId, decidedOutcomeOf(reply));
  }
}
