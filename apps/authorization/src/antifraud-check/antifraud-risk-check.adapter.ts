import { Injectable } from '@nestjs/common';

import type { RiskCheck, RiskDecision, RiskQuery } from '../operation/ports/risk-check.port';
import { AntifraudClient } from './antifraud.client';

/** Antifraud's decision as the core's risk check; a deny without a code is 59 (suspected fraud). */
@Injectable()
export class AntifraudRiskCheck implements RiskCheck {
  constructor(private readonly antifraud: AntifraudClient) {}

  async assess(query: RiskQuery): Promise<RiskDecision> {
    const decision = await this.antifraud.assess({ ...query, amountMinor: query.amountMinor.toString() });
    if (decision.decision !== 'deny') return { allowed: true };
    const reason = `antifraud: ${decision.reasons.map((r) => `${r.rule} (${r.detail})`).join('; ')}`;
    return { allowed: false, responseCode: decision.responseCode ?? '59', reason };
  }
}
