/** Nest token of the RiskCheck port. */
export const RISK_CHECK = Symbol('RiskCheck');

/** What the risk check sees of an operation: never the PAN, only its token and scheme. */
export interface RiskQuery {
  readonly transactionId: string;
  readonly terminalId: string;
  readonly merchantId: string;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly cardToken: string;
  readonly cardScheme: string;
}

/** `note`: why an operation was allowed without a decision (the policy when antifraud is unavailable), journaled with its outcome. */
export type RiskDecision =
  { readonly allowed: true; readonly note?: string } | { readonly allowed: false; readonly responseCode: string; readonly reason: string };

/** The decision taken before any rail is asked (antifraud: rules, lists, velocity). */
export interface RiskCheck {
  assess(query: RiskQuery): Promise<RiskDecision>;
}
