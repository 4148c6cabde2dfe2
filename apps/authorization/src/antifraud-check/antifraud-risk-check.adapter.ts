import { Injectable } from '@nestjs/common';

import type { RiskCheck, RiskDecision, RiskQuery } from '../operation/ports/risk-check.port';
import { ANTIFRAUD_UNAVAILABLE, AntifraudClient } from './antifraud.client';

/**
 * Antifraud's decision as the core's risk check; a deny without a code is 59 (suspected fraud). An
 * allow without a decision (AUTHORIZATION_ANTIFRAUD_UNAVAILABLE=allow) carries why, for the journal.
 */
@Injectable()
export class AntifraudRiskCheck implements RiskCheck {
  constructor(private readonly antifraud: AntifraudClient) {}

  async assess(query: RiskQuery): Promise<RiskDecision> {
    const decision = await this.antifraud.assess({ ...query, amountMinor: query.amountMinor.toString() });
    if (decision.decision !== 'deny') {
      const unavailable = decision.reasons.find((r) => r.rule === ANTIFRAUD_UNAVAILABLE);
      return unavailable ? { allowed: true, note: `allowed without an antifraud decision (${unavailable.detail})` } : { allowed: true };
    }
    const reason = `antifraud: ${decision.reasons.map((r) => `${r.rule} (${r.detail})`).join('; ')}`;
    return { allowed: false, responseCode: decision.responseCode ?? '59', reason };
  }
}
