import type { Provider } from '@nestjs/common';

import { InMemoryBdkStore, InMemoryZonePinKeyStore, type PinTranslator, SoftwarePinTranslator } from '@payments/crypto';

import type { AuthorizationEnv } from '../config/authorization-env';
import { AUTHORIZATION_ENV } from '../config/authorization-env.provider';

/** Nest token of the PinTranslator port (@payments/crypto): where an HSM adapter would be bound. */
export const PIN_TRANSLATOR = Symbol('PinTranslator');

/** The software translator over CARD_BDKS and ACQUIRER_ZPKS (development, tests, the embedded mode). */
export const pinTranslatorProvider: Provider<PinTranslator> = {
  provide: PIN_TRANSLATOR,
  inject: [AUTHORIZATION_ENV],
  useFactory: (env: Pick<AuthorizationEnv, 'CARD_BDKS' | 'ACQUIRER_ZPKS'>) =>
    new SoftwarePinTranslator(InMemoryBdkStore.fromConfig(env.CARD_BDKS, 'CARD_BDKS'), InMemoryZonePinKeyStore.fromConfig(env.ACQUIRER_ZPKS, 'ACQUIRER_ZPKS')),
};
