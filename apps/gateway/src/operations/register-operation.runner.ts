import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';

import { AuthorizeReply, authorizeV1, followUpV1, isReversedOnAbandonment, Operation, RequestContract } from '@payments/contracts';
import { Headers, MessageBus, RequestTimeoutError } from '@payments/messaging';
import { MESSAGE_BUS } from '@payments/runtime';

import { AbandonOperationUseCase } from '../abandonment/abandon-operation.usecase';
import { AbandonmentRepository } from '../abandonment/abandonment.repository';
import { GATEWAY_ENV, GatewayEnv } from '../config/gateway-env';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { StoredResponse } from '../idempotency/idempotency.repository';
import { storedResponseOf } from '../receipts/operation-response.mapper';
import { Terminal } from '../terminals/terminal';

/**
 * The path every money-moving register request takes: claim the Idempotency-Key (same key and
 * body replays the first outcome), ask authorization over the bus within the register's
 * deadline, keep the response. When the register cannot learn the outcome (the deadline passed,
 * or its connection closed before an approval was written), the operation is abandoned:
 * authorization reverses what moves money, and the key replays that instead of a late approval.
 */
@Injectable()
export class RegisterOperationRunner implements OnModuleInit {
  private readonly logger = new Logger(RegisterOperationRunner.name);

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    private readonly idempotency: IdempotencyService,
    private readonly abandon: AbandonOperationUseCase,
    private readonly abandonments: AbandonmentRepository,
  ) {}

  onModuleInit(): void {
    for (const contract of [authorizeV1, followUpV1] as RequestContract<unknown, AuthorizeReply>[]) {
      this.bus.onLateReply(contract, async (reply) => {
        const { transactionId, status } = reply.value;
        this.logger.warn(`late authorization reply for transaction ${transactionId}: ${status}`);
        // A late decline moved no money: a retry may see it even after the register gave up.
        await this.abandonments.completeLate(transactionId, storedResponseOf(reply.value), status === 'declined' || status === 'rejected');
      });
    }
  }

  /** `connection`: aborted when the register's connection closed before the response was written. */
  async run<Q extends { operation: Operation }>(
    terminal: Terminal,
    idempotencyKey: string,
    body: object,
    contract: RequestContract<Q, AuthorizeReply>,
    requestOf: (transactionId: string) => Q,
    connection?: AbortSignal,
  ): Promise<StoredResponse> {
    const start = await this.idempotency.start(terminal.clientId, idempotencyKey, body);
    if (start.kind === 'replay') return start.response;
    const { transactionId } = start;
    const request = requestOf(transactionId);
    let reply: AuthorizeReply;
    try {
      reply = await this.bus.request(contract, request, {
        key: terminal.terminalId,
        timeoutMs: this.env.GATEWAY_AUTHORIZE_TIMEOUT_MS,
        headers: { [Headers.idempotencyKey]: idempotencyKey },
      });
    } catch (error) {
      if (!(error instanceof RequestTimeoutError)) throw error;
      const reason = `the register did not receive the outcome within ${this.env.GATEWAY_AUTHORIZE_TIMEOUT_MS} ms`;
      return this.abandon.execute(terminal, { transactionId, operation: request.operation, reason });
    }
    // An approval nobody will read is reversed; any other outcome is kept for a retry with the key.
    // Should the connection close after this check, the approval stays: a retry replays it.
    if (connection?.aborted && reply.status === 'approved' && isReversedOnAbandonment(reply.operation)) {
      const reason = "the register's connection closed before the outcome was delivered";
      return this.abandon.execute(terminal, { transactionId, operation: reply.operation, reason });
    }
    const response = storedResponseOf(reply);
    await this.idempotency.complete(transactionId, response);
    return response;
  }
}
