import type { RiskCheck, RiskDecision, RiskQuery } from '../ports/risk-check.port';

/** Allows everything until told to deny; keeps every query it was asked. */
export class FakeRiskCheck implements RiskCheck {
  readonly queries: RiskQuery[] = [];
  private decision: RiskDecision = { allowed: true };

  /** Allows as the unavailable-antifraud policy does: without a decision, saying why. */
  allowWithout(note: string): void {
    this.decision = { allowed: true, note };
  }

  deny(responseCode: string, reason: string): void {
    this.decision = { allowed: false, responseCode, reason };
  }

  assess(query: RiskQuery): Promise<RiskDecision> {
    this.queries.push(query);
    return Promise.resolve(this.decision);
  }
}
