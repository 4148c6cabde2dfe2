import { Inject, Injectable } from '@nestjs/common';

import { ScheduledPass } from '@payments/runtime';

import { AlertSignals } from '../alerts/alert-signals';
import { DeliverRegistryUseCase } from './deliver-registry.usecase';
import { MakeRegistryUseCase } from './make-registry.usecase';
import { lastDueDay, registrySubjectOf } from './registry';
import { REGISTRIES_ENV } from './registries.tokens';
import type { RegistriesEnv } from './registries-env';
import { RegistryRepository } from './registry.repository';
import { RegistrySettingsRepository } from './registry-settings.repository';

/** Days made per payee in one pass (a worker that was down catches up over a few passes). */
const DAYS_PER_PASS = 31;
const DELIVERIES_PER_PASS = 50;
const MIN_GAP_MS = 1_000;

/**
 * Makes every due registry (each payee's days from its first day to the last whose time has come)
 * and delivers those not yet delivered whose next attempt is due. Everything it does is recorded
 * before the next step, and making and delivering are both idempotent, so a restart at any point
 * only repeats what had not been recorded.
 */
@Injectable()
export class RegistriesWorker extends ScheduledPass {
  constructor(
    private readonly settings: RegistrySettingsRepository,
    private readonly registries: RegistryRepository,
    private readonly make: MakeRegistryUseCase,
    private readonly deliver: DeliverRegistryUseCase,
    private readonly alerts: AlertSignals,
    @Inject(REGISTRIES_ENV) env: RegistriesEnv,
  ) {
    super({ name: 'registries', minGapMs: Math.min(MIN_GAP_MS, env.passMs), maxGapMs: env.passMs });
  }

  /** One pass; resolves to when the next delivery attempt falls due (undefined: the pass interval decides). */
  protected async pass(now: Date): Promise<Date | undefined> {
    for (const settings of await this.settings.all()) {
      const last = lastDueDay(now, settings.dueAfterMinute);
      if (last < settings.fromDay) continue;
      for (const day of await this.registries.missingDays(settings.payeeId, settings.fromDay, last, DAYS_PER_PASS)) {
        const outcome = await this.make.execute(settings.payeeId, day, now);
        if (outcome.kind === 'refused') {
          await this.alerts.raise(
            {
              kind: 'registry-not-delivered',
              subjectId: registrySubjectOf(settings.payeeId, day),
              summary: outcome.message,
              facts: { payeeId: settings.payeeId, day },
            },
            now,
          );
          this.logger.error(outcome.message);
        }
      }
    }
    for (const registry of await this.registries.dueForDelivery(now, DELIVERIES_PER_PASS)) await this.deliver.execute(registry, now);
    return await this.registries.nextAttemptAt();
  }
}
