import { Inject, Injectable } from '@nestjs/common';

import { AssessReply, AssessRequest, assessV1 } from '@payments/contracts';
import { MessageBus, RequestTimeoutError } from '@payments/messaging';
import { MESSAGE_BUS } from '@payments/runtime';

import { AUTHORIZATION_ENV } from '../config/authorization-env.provider';
import type { AuthorizationEnv } from '../config/authorization-env';

/** Asks antifraud before the host, within a tight deadline; silence follows the configured policy. */
@Injectable()
export class AntifraudClient {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(AUTHORIZATION_ENV) private readonly env: AuthorizationEnv,
  ) {}

  async assess(request: AssessRequest): Promise<AssessReply> {
    try {
      return await this.bus.request(assessV1, request, { key: request.terminalId, timeoutMs: this.env.AUTHORIZATION_ANTIFRAUD_TIMEOUT_MS });
    } catch (error) {
      if (!(error instanceof RequestTimeoutError)) throw error;
      if (this.env.AUTHORIZATION_ANTIFRAUD_UNAVAILABLE === 'allow') {
        return { transactionId: request.transactionId, decision: 'allow', reasons: [{ rule: 'antifraud-unavailable', detail: error.message }] };
      }
      return {
        transactionId: request.transactionId,
        decision: 'deny',
        responseCode: '91',
        reasons: [{ rule: 'antifraud-unavailable', detail: `no antifraud decision within ${this.env.AUTHORIZATION_ANTIFRAUD_TIMEOUT_MS} ms` }],
      };
    }
  }
}
