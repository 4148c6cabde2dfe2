import type { RiskCheck, RiskDecision, RiskQuery } from '../ports/risk-check.port';

/** Allows everything until told to deny; keeps every query it was asked. */
export class FakeRiskCheck implements RiskCheck {
  readonly queries: RiskQuery[] = [];
  private decision: RiskDecision = { allowed: true };

  deny(responseCode: string, reason: string): void {
    this.decision = { allowed: false, responseCode, reason };
  }

  assess(query: RiskQuery): Promise<RiskDecision> {
    this.queries.push(query);
    return Promise.resolve(this.decision);
  }
}
