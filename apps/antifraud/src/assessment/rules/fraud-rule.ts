import type { AssessRequest } from '@payments/contracts';

/** Why a rule denies, and the ISO 8583 field 39 code the register will see. */
export interface RuleVerdict {
  rule: string;
  detail: string;
  responseCode: string;
}

export interface FraudRule {
  readonly name: string;
  evaluate(request: AssessRequest): Promise<RuleVerdict | undefined>;
}

export const FRAUD_RULES = Symbol('FraudRules');
