import { Injectable } from '@nestjs/common';

import { Ledger } from '@payments/ledger';

import { namedId } from './named-id';

/** The platform's side of a payment: what the payee is owed, and what the commissions cost. */
export interface PlatformAccountIds {
  /** Credited with each payment for the payee, until it is forwarded (payee gateways: a later slice). */
  readonly payeeClearingId: string;
  /** Debited with every commission paid to the tree. */
  readonly commissionExpenseId: string;
  /** Credited with the payers' fees (one per currency, whatever the payee). */
  readonly feeIncomeId: string;
}

/** The ids are derived from the names: the same on every replica, known before the accounts exist. */
export const platformAccountIdsOf = (payeeId: string, currency: string): PlatformAccountIds => ({
  payeeClearingId: namedId(`payee-clearing:${payeeId}:${currency}`),
  commissionExpenseId: namedId(`commission-expense:${currency}`),
  feeIncomeId: namedId(`fee-income:${currency}`),
});

/** Creates the platform accounts a payment needs on first use (the ledger makes a second creation a no-op). */
@Injectable()
export class PlatformAccounts {
  private readonly ensured = new Set<string>();

  constructor(private readonly ledger: Ledger) {}

  async ensure(payeeId: string, currency: string): Promise<PlatformAccountIds> {
    const ids = platformAccountIdsOf(payeeId, currency);
    const key = `${payeeId}:${currency}`;
    if (!this.ensured.has(key)) {
      await this.ledger.createAccounts([
        { id: ids.payeeClearingId, currency, kind: 'payee_clearing' },
        { id: ids.commissionExpenseId, currency, kind: 'commission_expense' },
        { id: ids.feeIncomeId, currency, kind: 'fee_income' },
      ]);
      this.ensured.add(key);
    }
    return ids;
  }
}
