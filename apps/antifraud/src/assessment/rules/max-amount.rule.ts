import type { AssessRequest } from '@payments/contracts';
import { formatMoney } from '@payments/money';

import type { AntifraudEnv } from '../../config/antifraud-env';
import { FraudRule, RuleVerdict } from './fraud-rule';

/** A per-terminal maximum amount per purchase (field 39 '61': exceeds amount limit). */
export class MaxAmountRule implements FraudRule {
  readonly name = 'max-amount';
  private readonly limits = new Map<string, bigint>();

  constructor(private readonly env: AntifraudEnv) {
    for (const entry of env.ANTIFRAUD_TERMINAL_LIMITS.split(',').filter(Boolean)) {
      const [terminalId, currency, max] = entry.split(':');
      this.limits.set(`${terminalId}:${currency}`, BigInt(max));
    }
  }

  evaluate(request: AssessRequest): Promise<RuleVerdict | undefined> {
    const limit = this.limits.get(`${request.terminalId}:${request.currency}`) ?? this.env.ANTIFRAUD_MAX_AMOUNT_MINOR;
    const amount = BigInt(request.amountMinor);
    if (amount <= limit) return Promise.resolve(undefined);
    return Promise.resolve({
      rule: this.name,
      responseCode: '61',
      detail: `amount ${formatMoney(amount, request.currency)} is over the terminal's limit of ${formatMoney(limit, request.currency)}`,
    });
  }
}
