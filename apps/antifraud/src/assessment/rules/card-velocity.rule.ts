import type { Cache } from '@payments/cache';
import type { AssessRequest } from '@payments/contracts';

import type { AntifraudEnv } from '../../config/antifraud-env';
import { FraudRule, RuleVerdict } from './fraud-rule';

const WINDOW_MS = 60_000;

/**
 * Attempts per card (by token) per minute, counted atomically in the cache (field 39 '65'). Each
 * transaction counts once: a repeated request (a retry after a lost reply) sees the count without
 * adding to it. The braces keep a card's counter and marks on one Redis cluster slot.
 */
export class CardVelocityRule implements FraudRule {
  readonly name = 'card-velocity';

  constructor(
    private readonly cache: Cache,
    private readonly env: AntifraudEnv,
  ) {}

  async evaluate(request: AssessRequest): Promise<RuleVerdict | undefined> {
    const counter = `antifraud:velocity:{${request.cardToken}}`;
    const count = await this.cache.incrementOnce(counter, 1, WINDOW_MS, `${counter}:${request.transactionId}`);
    if (count <= this.env.ANTIFRAUD_CARD_VELOCITY_MAX) return undefined;
    return {
      rule: this.name,
      responseCode: '65',
      detail: `card used ${count} times within a minute, over the limit of ${this.env.ANTIFRAUD_CARD_VELOCITY_MAX}`,
    };
  }
}
