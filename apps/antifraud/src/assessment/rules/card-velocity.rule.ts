import type { Cache } from '@payments/cache';
import type { AssessRequest } from '@payments/contracts';

import type { AntifraudEnv } from '../../config/antifraud-env';
import { FraudRule, RuleVerdict } from './fraud-rule';

const WINDOW_MS = 60_000;

/** Attempts per card (by token) per minute, counted atomically in the cache (field 39 '65'). */
export class CardVelocityRule implements FraudRule {
  readonly name = 'card-velocity';

  constructor(
    private readonly cache: Cache,
    private readonly env: AntifraudEnv,
  ) {}

  async evaluate(request: AssessRequest): Promise<RuleVerdict | undefined> {
    const count = await this.cache.increment(`antifraud:velocity:${request.cardToken}`, 1, WINDOW_MS);
    if (count <= this.env.ANTIFRAUD_CARD_VELOCITY_MAX) return undefined;
    return {
      rule: this.name,
      responseCode: '65',
      detail: `card used ${count} times within a minute, over the limit of ${this.env.ANTIFRAUD_CARD_VELOCITY_MAX}`,
    };
  }
}
