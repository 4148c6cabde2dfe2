import { getOrCreateCounter } from '@payments/observability';

import type { Effect } from './terminal-totals.increments';

export const TOTALS_OPERATIONS_METRIC = 'settlement_totals_operations_total';

const EFFECTS: Record<Effect, string> = { add: 'added', takeBack: 'taken_back' };

const operations = () =>
  getOrCreateCounter(
    TOTALS_OPERATIONS_METRIC,
    "Operations counted into the terminals' day totals, each once however often delivered: added (approvals) or taken_back (reversals).",
    ['effect'],
  );

/** Shows both effects at 0 from the start, so the first operation counted is an increase to Prometheus. */
export function registerTotalsMetrics(): void {
  for (const effect of Object.values(EFFECTS)) operations().inc({ effect }, 0);
}

/** `counted` operations (what the inbox let through, not what was delivered) changed the totals by `effect`. */
export function countedIntoTotals(effect: Effect, counted: number): void {
  if (counted > 0) operations().inc({ effect: EFFECTS[effect] }, counted);
}
