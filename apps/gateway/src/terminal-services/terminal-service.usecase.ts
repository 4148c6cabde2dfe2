import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { TerminalServiceReply, TerminalServiceRequest, terminalServiceRpc } from '@payments/contracts';
import { isOutcomeUnknown, type Rpc } from '@payments/rpc';
import { RPC } from '@payments/runtime';

import { GATEWAY_ENV, GatewayEnv } from '../config/gateway-env';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { StoredResponse } from '../idempotency/idempotency.repository';
import { operationResponseOf } from '../receipts/operation-response.mapper';
import { Terminal } from '../terminals/terminal';

type ServiceRequest = TerminalServiceRequest extends infer R
  ? R extends TerminalServiceRequest
    ? Omit<R, 'requestId' | 'terminalId' | 'merchantId'>
    : never
  : never;

/** ok 200; rejected (nothing to report, no such receipt) 404; failed (the host did not answer) 502. */
const HTTP_STATUS: Record<TerminalServiceReply['status'], number> = { ok: 200, rejected: 404, failed: 502 };

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
   * answered after the register's deadline (504) still completes its key: a retry with the same
   * key then gets the close's outcome instead of "still in progress".
   */
  async closeDay(terminal: Terminal, idempotencyKey: string): Promise<StoredResponse> {
    const start = await this.idempotency.start(terminal.clientId, idempotencyKey, { operation: 'close_day' });
    if (start.kind === 'replay') return start.response;
    const { transactionId } = start;
    const keepLate = (reply: TerminalServiceReply) => this.idempotency.complete(transactionId, responseOf(reply));
    const response = await this.ask(terminal, { operation: 'close_day' }, transactionId, keepLate);
    if (response.status !== 504) await this.idempotency.complete(transactionId, response);
    return response;
  }

  ask(
    terminal: Terminal,
    request: ServiceRequest,
    requestId: string = randomUUID(),
    keepLate?: (reply: TerminalServiceReply) => Promise<void>,
  ): Promise<StoredResponse> {
    const full = { ...request, requestId, terminalId: terminal.terminalId, merchantId: terminal.merchantId };
    const lateReply = keepLate && { graceMs: this.env.GATEWAY_LATE_REPLY_GRACE_MS, handler: keepLate };
    return this.rpc
      .call(terminalServiceRpc, full, { deadlineAt: Date.now() + this.env.GATEWAY_AUTHORIZE_TIMEOUT_MS, lateReply })
      .then(responseOf)
      .catch((error: unknown) => {
        if (!isOutcomeUnknown(error)) throw error;
        return {
          status: 504,
          body: { requestId, status: 'unknown', message: `no answer from authorization within ${this.env.GATEWAY_AUTHORIZE_TIMEOUT_MS} ms` },
        };
      });
  }
}

function responseOf(reply: TerminalServiceReply): StoredResponse {
  return { status: HTTP_STATUS[reply.status], body: bodyOf(reply) };
}

/** A receipt copy prints like the original, marked COPY; everything else goes as authorization said. */
function bodyOf(reply: TerminalServiceReply): unknown {
  if (reply.operation === 'receipt_copy' && reply.receipt) return { ...reply, receipt: operationResponseOf(reply.receipt, true) };
  if (reply.transactions) return { ...reply, transactions: reply.transactions.map((t) => operationResponseOf(t)) };
  return reply;
}
