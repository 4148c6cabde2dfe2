import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { TerminalServiceReply, TerminalServiceRequest, terminalServiceRpc } from '@payments/contracts';
import { isOutcomeUnknown, type Rpc } from '@payments/rpc';
import { RPC } from '@payments/runtime';

import { GATEWAY_ENV, GatewayEnv } from '../config/gateway-env';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { ServiceAnswered, serviceAnsweredOf, ServiceOutcomeUnknown, TerminalServiceOutcome } from '../outcomes/terminal-service-outcome';
import { Terminal } from '../terminals/terminal';

type ServiceRequest = TerminalServiceRequest extends infer R
  ? R extends TerminalServiceRequest
    ? Omit<R, 'requestId' | 'terminalId' | 'merchantId'>
    : never
  : never;

/** Connection check, close day, reports and receipt copies: asked of authorization directly. */
@Injectable()
export class TerminalServiceUseCase {
  constructor(
    @Inject(RPC) private readonly rpc: Rpc,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    private readonly idempotency: IdempotencyService,
  ) {}

  /**
   * Close of day is idempotent by key: a retried close never closes the next batch too. A close
   * answered after the register's deadline (its outcome unknown) still completes its key: a retry
   * with the same key then gets the close's outcome instead of "still in progress".
   */
  async closeDay(terminal: Terminal, idempotencyKey: string): Promise<TerminalServiceOutcome> {
    const start = await this.idempotency.start<ServiceAnswered>(terminal.clientId, idempotencyKey, { operation: 'close_day' });
    if (start.kind === 'answered') return start.outcome;
    const { transactionId } = start;
    const keepLate = (reply: TerminalServiceReply) => this.idempotency.complete(transactionId, serviceAnsweredOf(reply));
    const outcome = await this.ask(terminal, { operation: 'close_day' }, transactionId, keepLate);
    if (outcome.kind !== 'outcome_unknown') await this.idempotency.complete(transactionId, outcome);
    return outcome;
  }

  ask(
    terminal: Terminal,
    request: ServiceRequest,
    requestId: string = randomUUID(),
    keepLate?: (reply: TerminalServiceReply) => Promise<void>,
  ): Promise<ServiceAnswered | ServiceOutcomeUnknown> {
    const full = { ...request, requestId, terminalId: terminal.terminalId, merchantId: terminal.merchantId };
    const lateReply = keepLate && { graceMs: this.env.GATEWAY_LATE_REPLY_GRACE_MS, handler: keepLate };
    return this.rpc
      .call(terminalServiceRpc, full, { deadlineAt: Date.now() + this.env.GATEWAY_AUTHORIZE_TIMEOUT_MS, lateReply })
      .then(serviceAnsweredOf)
      .catch((error: unknown) => {
        if (!isOutcomeUnknown(error)) throw error;
        return { kind: 'outcome_unknown' as const, requestId, message: `no answer from authorization within ${this.env.GATEWAY_AUTHORIZE_TIMEOUT_MS} ms` };
      });
  }
}
