import { Inject, Injectable } from '@nestjs/common';

import type { AuthorizeRequest } from '@payments/contracts';
import { CryptoInputError } from '@payments/crypto';

import { SECURITY_VIOLATION, TERMINAL_NOT_PERMITTED } from '../acquirer/response-codes';
import type { AuthorizationEnv } from '../config/authorization-env';
import { AUTHORIZATION_ENV } from '../config/authorization-env.provider';
import { pinPadKeyOf } from './pin-pad-key';
import type { PinPadRefusal } from './pin-pad.model';
import { PinPadRegistryRepository } from './pin-pad-registry.repository';

/**
 * Before the server opens a card block: the PIN pad that made it must be registered, active and
 * serve the register that sent it, and its DUKPT counter must be above every counter it used
 * before (a replayed KSN is a copied block). Asking again for the same transaction is not a replay.
 * `AUTHORIZATION_PIN_PAD_REGISTRY=off` (tests and demos only; refused in production) skips it.
 */
@Injectable()
export class PinPadAdmission {
  constructor(
    private readonly registry: PinPadRegistryRepository,
    @Inject(AUTHORIZATION_ENV) private readonly env: Pick<AuthorizationEnv, 'AUTHORIZATION_PIN_PAD_REGISTRY'>,
  ) {}

  /** Undefined when the pad may read this card. */
  async check(request: Pick<AuthorizeRequest, 'card' | 'terminalId' | 'transactionId'>): Promise<PinPadRefusal | undefined> {
    if (this.env.AUTHORIZATION_PIN_PAD_REGISTRY === 'off') return undefined;
    const { bdkId, ksn } = request.card;
    let key;
    try {
      key = pinPadKeyOf(bdkId, ksn, 'card.ksn');
    } catch (error) {
      if (error instanceof CryptoInputError) return { responseCode: SECURITY_VIOLATION, reason: error.message };
      throw error;
    }
    if (!key.counterInUse)
      return { responseCode: SECURITY_VIOLATION, reason: `KSN ${ksn}: counter ${key.counter} is one no X9.24 device uses for a transaction` };
    // Only the card block's counter is taken: it decrypted, so the pad made it. A PIN KSN is never
    // taken (nothing has checked its block yet); pinKsnRuleOf keeps it at or above the card's.
    const use = { deviceKey: key.deviceKey, terminalId: request.terminalId, counter: key.counter, transactionId: request.transactionId };
    if (await this.registry.admit(use)) return undefined;
    return this.explain(bdkId, key.initialKsn, key.counter, request.terminalId);
  }

  private async explain(bdkId: string, initialKsn: string, counter: number, terminalId: string): Promise<PinPadRefusal> {
    const pad = await this.registry.findByDeviceKey(`${bdkId}:${initialKsn}`);
    if (!pad)
      return { responseCode: TERMINAL_NOT_PERMITTED, reason: `PIN pad not registered: no PIN pad is loaded with BDK ${bdkId} and initial KSN ${initialKsn}` };
    if (pad.status !== 'active')
      return { responseCode: TERMINAL_NOT_PERMITTED, reason: `PIN pad ${pad.serialNumber} is blocked${pad.statusReason ? `: ${pad.statusReason}` : ''}` };
    if (pad.terminalId !== terminalId)
      return { responseCode: TERMINAL_NOT_PERMITTED, reason: `PIN pad ${pad.serialNumber} serves terminal ${pad.terminalId}, not ${terminalId}` };
    return {
      responseCode: SECURITY_VIOLATION,
      reason: `KSN replayed: PIN pad ${pad.serialNumber} already used counter ${pad.lastCounter.toString()}, this block has counter ${counter} (a PIN pad steps its counter on every read)`,
    };
  }
}
