import { Logger, type Provider } from '@nestjs/common';

import { InMemoryBdkStore, InMemoryZonePinKeyStore, type PinTranslator, SoftwarePinTranslator, type ZonePinKeyStore } from '@payments/crypto';

import type { AcquirerNetwork } from '../acquirer/routing/acquirer-network.schema';
import { ACQUIRER_NETWORK } from '../acquirer/routing/acquirer-network.token';
import type { AuthorizationEnv } from '../config/authorization-env';
import { AUTHORIZATION_ENV } from '../config/authorization-env.provider';

/** Nest token of the PinTranslator port (@payments/crypto): where an HSM adapter would be bound. */
export const PIN_TRANSLATOR = Symbol('PinTranslator');

/** The configured acquirers that have no zone PIN key: an online PIN routed to one is declined 96. */
function acquirersWithoutZonePinKey(network: Pick<AcquirerNetwork, 'acquirers'>, zonePinKeys: ZonePinKeyStore): string[] {
  return network.acquirers.map((acquirer) => acquirer.id).filter((id) => !zonePinKeys.findZonePinKey(id));
}

/**
 * The software translator over CARD_BDKS and ACQUIRER_ZPKS (development, tests, the embedded
 * mode). Warns at startup for each acquirer without a zone PIN key (it can still take cards
 * without a PIN).
 */
export const pinTranslatorProvider: Provider<PinTranslator> = {
  provide: PIN_TRANSLATOR,
  inject: [AUTHORIZATION_ENV, ACQUIRER_NETWORK],
  useFactory: (env: Pick<AuthorizationEnv, 'CARD_BDKS' | 'ACQUIRER_ZPKS'>, network: Pick<AcquirerNetwork, 'acquirers'>) => {
    const zonePinKeys = InMemoryZonePinKeyStore.fromConfig(env.ACQUIRER_ZPKS, 'ACQUIRER_ZPKS');
    for (const acquirerId of acquirersWithoutZonePinKey(network, zonePinKeys)) {
      new Logger('PinTranslator').warn(`acquirer ${acquirerId} has no zone PIN key in ACQUIRER_ZPKS: an online PIN routed to it is declined 96`);
    }
    return new SoftwarePinTranslator(InMemoryBdkStore.fromConfig(env.CARD_BDKS, 'CARD_BDKS'), zonePinKeys);
  },
};
