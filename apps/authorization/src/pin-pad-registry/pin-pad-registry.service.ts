import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException, OnApplicationBootstrap } from '@nestjs/common';

import type { AuthorizationEnv } from '../config/authorization-env';
import { AUTHORIZATION_ENV } from '../config/authorization-env.provider';
import { counterUsedPercent } from './pin-pad-key';
import type { PinPadRegistration, PinPadStatus, PinPadView } from './pin-pad.model';
import { checkRegistration } from './pin-pad-registration.rules';
import { PinPadRegistryRepository, type PinPadRow } from './pin-pad-registry.repository';
import { parsePinPadSeed } from './pin-pad-seed.config';

/**
 * Operators register PIN pads (serial number, the key they were loaded with, their register),
 * block and unblock them; loading a new initial key into a pad is registering it again with the
 * new initial KSN (its counter starts over). At start, the seeded pads are registered when missing.
 */
@Injectable()
export class PinPadRegistryService implements OnApplicationBootstrap {
  constructor(
    private readonly registry: PinPadRegistryRepository,
    @Inject(AUTHORIZATION_ENV) private readonly env: Pick<AuthorizationEnv, 'AUTHORIZATION_PIN_PADS_SEED'>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const registration of parsePinPadSeed(this.env.AUTHORIZATION_PIN_PADS_SEED)) {
      if (!(await this.registry.findBySerial(registration.serialNumber))) await this.register(registration).catch(ignoreRace);
    }
  }

  /** Registers a pad, or re-registers it (new register, shop or initial key); 201 new, 200 changed. */
  async register(registration: PinPadRegistration): Promise<{ created: boolean; pad: PinPadView }> {
    const checked = checkRegistration(registration);
    if (!checked.ok) throw new BadRequestException(checked.problem);
    const deviceKey = `${registration.bdkId}:${checked.initialKsn}`;
    const holder = await this.registry.findByDeviceKey(deviceKey);
    if (holder && holder.serialNumber !== registration.serialNumber) {
      throw new ConflictException(
        `initialKsn: PIN pad ${holder.serialNumber} is already loaded with BDK ${registration.bdkId} and initial KSN ${checked.initialKsn}; each pad gets its own initial key`,
      );
    }
    const fields = {
      deviceKey,
      bdkId: registration.bdkId,
      initialKsn: checked.initialKsn,
      keyScheme: checked.scheme,
      terminalId: registration.terminalId,
      shopId: registration.shopId ?? null,
    };
    const created = await this.registry.create(registration.serialNumber, fields);
    if (created) return { created: true, pad: viewOf(created) };
    const changed = await this.registry.rekey(registration.serialNumber, fields);
    if (!changed)
      throw new ConflictException(`initialKsn: another PIN pad was just registered with BDK ${registration.bdkId} and initial KSN ${checked.initialKsn}`);
    return { created: false, pad: viewOf(changed) };
  }

  async find(serialNumber: string): Promise<PinPadView | undefined> {
    const row = await this.registry.findBySerial(serialNumber);
    return row && viewOf(row);
  }

  async get(serialNumber: string): Promise<PinPadView> {
    const pad = await this.find(serialNumber);
    if (!pad) throw notRegistered(serialNumber);
    return pad;
  }

  async list(filter: { terminalId?: string; status?: PinPadStatus }, limit: number): Promise<PinPadView[]> {
    return (await this.registry.list(filter, limit)).map(viewOf);
  }

  async setStatus(serialNumber: string, status: PinPadStatus, reason?: string): Promise<PinPadView> {
    const row = await this.registry.setStatus(serialNumber, status, reason ?? null);
    if (!row) throw notRegistered(serialNumber);
    return viewOf(row);
  }
}

const notRegistered = (serialNumber: string) => new NotFoundException(`PIN pad ${serialNumber} is not registered`);

function viewOf(row: PinPadRow): PinPadView {
  const { lastCounter } = row;
  return {
    serialNumber: row.serialNumber,
    bdkId: row.bdkId,
    initialKsn: row.initialKsn,
    keyScheme: row.keyScheme,
    terminalId: row.terminalId,
    shopId: row.shopId,
    status: row.status,
    statusReason: row.statusReason,
    lastCounter,
    counterUsedPercent: counterUsedPercent(row.keyScheme, lastCounter),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    registeredAt: row.registeredAt.toISOString(),
  };
}

/** Two instances seeding at once: the other one registered it. */
function ignoreRace(error: unknown): void {
  if (!(error instanceof ConflictException)) throw error;
}
