import { Readable } from 'node:stream';

import { Inject, Injectable, Logger } from '@nestjs/common';

import { messageOf } from '@payments/file-delivery';

import { AlertSignals } from '../alerts/alert-signals';
import { type PayeeRegistry, registrySubjectOf } from './registry';
import { REGISTRIES_ENV, REGISTRY_DELIVERY } from './registries.tokens';
import { type RegistriesEnv, registryRetryDelayMs } from './registries-env';
import type { RegistryDeliveryFactory } from './registry-delivery';
import { RegistryRepository } from './registry.repository';
import { RegistrySettingsRepository } from './registry-settings.repository';
import { MakeRegistryUseCase } from './make-registry.usecase';

export interface RegistryDeliveryOutcome {
  readonly registry: PayeeRegistry;
  /** The error of this attempt; undefined when the registry and its signature are at the destination. */
  readonly error?: string;
}

/**
 * Delivers a recorded registry: its bytes written again (refused when they are no longer those
 * recorded), the file and then its detached signature `<name>.sig` sent through the archive to the
 * payee's folder. Each attempt is recorded with its error; a failed one raises the registry's
 * `registry-not-delivered` alert (and is tried again after a doubling wait), a delivery clears it.
 * Sending again what is already there is a success that sends nothing (the port's rule), so a
 * process stopped between the upload and the record delivers nothing twice.
 */
@Injectable()
export class DeliverRegistryUseCase {
  private readonly logger = new Logger(DeliverRegistryUseCase.name);

  constructor(
    private readonly registries: RegistryRepository,
    private readonly settings: RegistrySettingsRepository,
    private readonly make: MakeRegistryUseCase,
    private readonly alerts: AlertSignals,
    @Inject(REGISTRIES_ENV) private readonly env: RegistriesEnv,
    @Inject(REGISTRY_DELIVERY) private readonly deliveryOf: RegistryDeliveryFactory,
  ) {}

  async execute(registry: PayeeRegistry, now: Date): Promise<RegistryDeliveryOutcome> {
    const delivery = this.deliveryOf(this.env.delivery, this.env.dir);
    const subject = registrySubjectOf(registry.payeeId, registry.businessDay);
    try {
      const { bytes } = await this.make.regenerate(registry);
      const folder = (await this.settings.find(registry.payeeId))?.folder ?? '';
      const receipt = await delivery.deliver({ stream: Readable.from([bytes]) }, { folder, name: registry.fileName });
      await delivery.deliver({ stream: Readable.from([registry.signature]) }, { folder, name: `${registry.fileName}.sig` });
      const delivered = await this.registries.recordAttempt(
        registry,
        { attemptedAt: now, outcome: receipt.outcome, destination: delivery.destination, error: null },
        now,
      );
      await this.alerts.clear('registry-not-delivered', subject, now);
      return { registry: delivered };
    } catch (error) {
      const message = messageOf(error);
      const retryAt = new Date(now.getTime() + registryRetryDelayMs(registry.attempts + 1, this.env.retryMs));
      const failed = await this.registries.recordAttempt(
        registry,
        { attemptedAt: now, outcome: 'failed', destination: delivery.destination, error: message },
        retryAt,
      );
      await this.alerts.raise(
        {
          kind: 'registry-not-delivered',
          subjectId: subject,
          summary: `registry ${registry.fileName} of payee ${registry.payeeId} for ${registry.businessDay} not delivered to ${delivery.destination}: ${message}`,
          facts: { payeeId: registry.payeeId, day: registry.businessDay, fileName: registry.fileName, attempts: failed.attempts },
        },
        now,
      );
      this.logger.warn(`registry ${registry.fileName} of payee ${registry.payeeId}: delivery attempt ${failed.attempts} failed: ${message}`);
      return { registry: failed, error: message };
    }
  }
}
