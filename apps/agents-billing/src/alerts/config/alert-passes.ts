/** How often the balance pass runs and the delivery worker looks for new alerts (AGENTS_BILLING_ALERT_PASS_SECONDS). */
export const ALERT_PASS_MS = Symbol('AlertPassMs');
export const DEFAULT_ALERT_PASS_MS = 30_000;
