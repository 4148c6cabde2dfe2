import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';

import { AuthorizeReply, authorizeV1, followUpV1, RequestContract } from '@payments/contracts';
import { Headers, MessageBus, RequestTimeoutError } from '@payments/messaging';
import { MESSAGE_BUS } from '@payments/runtime';

import { GATEWAY_ENV, GatewayEnv } from '../config/gateway-env';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { StoredResponse } from '../idempotency/idempotency.repository';
import { httpStatusOf, operationResponseOf } from '../receipts/operation-response.mapper';
import { Terminal } from '../terminals/terminal';

/**
 * The path every money-moving register request takes: claim the Idempotency-Key (same key and
 * body replays the first outcome), ask authorization over the bus within the register's
 * deadline, keep the response. A reply after the deadline is still stored, so a retry with the
 * same key gets the real outcome.
 */
@Injectable()
export class RegisterOperationRunner implements OnModuleInit {
  private readonly logger = new Logger(RegisterOperationRunner.name);

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    private readonly idempotency: IdempotencyService,
  ) {}

  onModuleInit(): void {
    for (const contract of [authorizeV1, followUpV1] as RequestContract<unknown, AuthorizeReply>[]) {
      this.bus.onLateReply(contract, async (reply) => {
        this.logger.warn(`late authorization reply for transaction ${reply.value.transactionId}: ${reply.value.status}`);
        await this.idempotency.complete(reply.value.transactionId, this.responseOf(reply.value));
      });
    }
  }

  async run<Q>(terminal: Terminal, idempotencyKey: string, body: object, contract: RequestContract<Q, AuthorizeReply>, requestOf: (transactionId: string) => Q): Promise<StoredResponse> {
    const start = await this.idempotency.start(terminal.clientId, idempotencyKey, body);
    if (start.kind === 'replay') return start.response;
    const { transactionId } = start;
    try {
      const reply = await this.bus.request(contract, requestOf(transactionId), {
        key: terminal.terminalId,
        timeoutMs: this.env.GATEWAY_AUTHORIZE_TIMEOUT_MS,
        headers: { [Headers.idempotencyKey]: idempotencyKey },
      });
      const response = this.responseOf(reply);
      await this.idempotency.complete(transactionId, response);
      return response;
    } catch (error) {
      if (!(error instanceof RequestTimeoutError)) throw error;
      return {
        status: 504,
        body: {
          transactionId,
          status: 'unknown',
          message: `no authorization outcome within ${this.env.GATEWAY_AUTHORIZE_TIMEOUT_MS} ms; retry with the same Idempotency-Key for the outcome`,
        },
      };
    }
  }

  private responseOf(reply: AuthorizeReply): StoredResponse {
    const body = operationResponseOf(reply);
    return { status: httpStatusOf(reply), body: reply.status === 'rejected' ? { ...body, message: reply.responseText } : body };
  }
}
