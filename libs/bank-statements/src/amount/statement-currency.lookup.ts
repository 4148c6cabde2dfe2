import { findCurrencyByAlpha } from '@payments/money';

import type { StatementIssue } from '../model/bank-statement.model';

/**
 * ISO 4217 list three (historic) codes that old statements still carry, with their exponent.
 * libs/money refuses them for new money movements; a statement in one is read, and flagged.
 */
const WITHDRAWN_MINOR_UNITS: Readonly<Record<string, number>> = {
  ATS: 2,
  DEM: 2,
  EEK: 2,
  FRF: 2,
  HRK: 2,
  LTL: 2,
  LVL: 2,
  NLG: 2,
};

export interface StatementCurrency {
  readonly minorUnits: number;
  readonly withdrawn: boolean;
}

/** The exponent of a statement currency, or undefined when the code is neither current nor a known withdrawn one. */
export function findStatementCurrency(alpha: string): StatementCurrency | undefined {
  const current = findCurrencyByAlpha(alpha);
  if (current) return { minorUnits: current.minorUnits, withdrawn: false };
  const minorUnits = WITHDRAWN_MINOR_UNITS[alpha];
  return minorUnits === undefined ? undefined : { minorUnits, withdrawn: true };
}

/** A warning for a statement kept in a withdrawn currency (read, but worth a look before booking). */
export function withdrawnCurrencyIssues(currency: string): StatementIssue[] {
  return findStatementCurrency(currency)?.withdrawn
    ? [{ code: 'withdrawn-currency', severity: 'warning', message: `${currency} is a withdrawn ISO 4217 currency` }]
    : [];
}
