import { Inject, Injectable, Logger } from '@nestjs/common';

import { AssessReply, AssessRequest, assessRpc } from '@payments/contracts';
import { inboundCall, RpcError, type Rpc } from '@payments/rpc';
import { RPC } from '@payments/runtime';

import { AUTHORIZATION_ENV } from '../config/authorization-env.provider';
import type { AuthorizationEnv } from '../config/authorization-env';

/** The rule named when no decision could be had (antifraud late, down or failing). */
export const ANTIFRAUD_UNAVAILABLE = 'antifraud-unavailable';

/**
 * Asks antifraud before the host, within the smaller of its own budget and what is left of the
 * register's deadline (the call being served). No decision in time, or none to be had (antifraud
 * down or failing, the register gone): AUTHORIZATION_ANTIFRAUD_UNAVAILABLE decides - decline 91, or allow
 * and log it with the transaction id. Never a hang, never a silent approval.
 */
@Injectable()
export class AntifraudClient {
  private readonly logger = new Logger(AntifraudClient.name);

  constructor(
    @Inject(RPC) private readonly rpc: Rpc,
    @Inject(AUTHORIZATION_ENV) private readonly env: AuthorizationEnv,
  ) {}

  async assess(request: AssessRequest): Promise<AssessReply> {
    const caller = inboundCall();
    const deadlineAt = Math.min(Date.now() + this.env.AUTHORIZATION_ANTIFRAUD_TIMEOUT_MS, caller?.deadlineAt ?? Infinity);
    try {
      return await this.rpc.call(assessRpc, request, { deadlineAt, signal: caller?.signal });
    } catch (error) {
      // Late, unreachable, cancelled or failed: no decision either way.
      if (!(error instanceof RpcError)) throw error;
      const detail = error.message;
      if (this.env.AUTHORIZATION_ANTIFRAUD_UNAVAILABLE === 'allow') {
        this.logger.warn(`transaction ${request.transactionId} allowed without an antifraud decision: ${detail}`);
        return { transactionId: request.transactionId, decision: 'allow', reasons: [{ rule: ANTIFRAUD_UNAVAILABLE, detail }] };
      }
      return { transactionId: request.transactionId, decision: 'deny', responseCode: '91', reasons: [{ rule: ANTIFRAUD_UNAVAILABLE, detail }] };
    }
  }
}
