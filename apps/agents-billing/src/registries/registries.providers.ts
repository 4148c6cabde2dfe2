import type { Provider, Type } from '@nestjs/common';

import { DeliverRegistryUseCase } from './deliver-registry.usecase';
import { MakeRegistryUseCase } from './make-registry.usecase';
import { RegistriesController } from './registries.controller';
import { REGISTRIES_ENV, REGISTRY_DELIVERY } from './registries.tokens';
import { loadRegistriesEnv } from './registries-env';
import { registryDelivery } from './registry-delivery';
import { RegistryRepository } from './registry.repository';
import { RegistrySettingsRepository } from './registry-settings.repository';
import { RegistrySigner } from './registry-signer';
import { RegistriesWorker } from './registries.worker';

/** The registries feature's controllers and providers, its configuration and signing key checked at boot (a bad one stops it, naming the variable). */
export function registriesFeature(env: NodeJS.ProcessEnv): { controllers: Type[]; providers: Provider[] } {
  const registriesEnv = loadRegistriesEnv(env);
  return {
    controllers: [RegistriesController],
    providers: [
      { provide: REGISTRIES_ENV, useValue: registriesEnv },
      { provide: REGISTRY_DELIVERY, useValue: registryDelivery },
      { provide: RegistrySigner, useValue: signerOf(registriesEnv.signingKeyPem) },
      RegistrySettingsRepository,
      RegistryRepository,
      MakeRegistryUseCase,
      DeliverRegistryUseCase,
      RegistriesWorker,
    ],
  };
}

function signerOf(pem: string): RegistrySigner {
  try {
    return new RegistrySigner(pem);
  } catch (error) {
    throw new Error(`AGENTS_BILLING_REGISTRY_SIGNING_KEY: ${error instanceof Error ? error.message : String(error)}`);
  }
}
