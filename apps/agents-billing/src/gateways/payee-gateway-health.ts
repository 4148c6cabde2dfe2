import { Injectable, Logger } from '@nestjs/common';

import { AlertSignals } from '../alerts/alert-signals';
import type { GatewayUnknownCause, PayeeGatewaySettings } from './payee-gateway';

/** A gateway that did not answer (no answer by the deadline, connection refused, a 5xx) is down. */
const DOWN_CAUSES: readonly GatewayUnknownCause[] = ['timeout', 'down'];

/**
 * The `payee-gateway-down` alert (subject: the payee id): raised when a payee's gateway does not
 * answer, cleared by its next trusted answer. A badly signed or malformed answer neither raises nor
 * clears it (the gateway answers, but is not believed). Clears are sent once per process after a
 * raise or a start, not on every call.
 */
@Injectable()
export class PayeeGatewayHealth {
  private readonly logger = new Logger(PayeeGatewayHealth.name);
  private readonly answering = new Set<string>();

  constructor(private readonly alerts: AlertSignals) {}

  async observe<R extends { readonly kind: string; readonly cause?: GatewayUnknownCause }>(
    payeeId: string,
    gateway: PayeeGatewaySettings,
    result: R,
  ): Promise<R> {
    try {
      if (result.kind === 'unknown' && result.cause && DOWN_CAUSES.includes(result.cause)) {
        this.answering.delete(payeeId);
        await this.alerts.raise({
          kind: 'payee-gateway-down',
          subjectId: payeeId,
          summary: `payee ${payeeId}'s gateway does not answer (${result.cause === 'timeout' ? `no answer within ${gateway.deadlineMs} ms` : 'connection refused or unavailable'})`,
          facts: { payeeId, baseUrl: gateway.baseUrl, cause: result.cause, deadlineMs: gateway.deadlineMs },
        });
      } else if (result.kind !== 'unknown' && !this.answering.has(payeeId)) {
        await this.alerts.clear('payee-gateway-down', payeeId);
        this.answering.add(payeeId);
      }
    } catch (error) {
      // The alert is a report on the call, never a reason to lose its outcome.
      this.logger.error(`payee-gateway-down alert of ${payeeId} not updated: ${error instanceof Error ? error.message : String(error)}`);
    }
    return result;
  }
}
