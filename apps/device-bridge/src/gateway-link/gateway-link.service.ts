import { Inject, Injectable } from '@nestjs/common';

import { ReadinessRegistry } from '@payments/runtime';

import { DEVICE_BRIDGE_ENV, DeviceBridgeEnv } from '../config/device-bridge-env';

/**
 * Which central gateway the on-store bridge talks to: the primary while it answers its
 * liveness probe, else the backup. Ready while at least one of them answers.
 */
@Injectable()
export class GatewayLinkService {
  constructor(
    @Inject(DEVICE_BRIDGE_ENV) private readonly env: DeviceBridgeEnv,
    readiness: ReadinessRegistry,
  ) {
    readiness.register('device-bridge.gateway', async () => (await this.activeGateway()) !== undefined);
  }

  async activeGateway(): Promise<string | undefined> {
    for (const url of [this.env.DEVICE_BRIDGE_GATEWAY_URL, this.env.DEVICE_BRIDGE_BACKUP_GATEWAY_URL]) {
      if (url && (await this.answers(url))) return url;
    }
    return undefined;
  }

  private async answers(url: string): Promise<boolean> {
    try {
      const response = await fetch(new URL('/health/live', url), { signal: AbortSignal.timeout(this.env.DEVICE_BRIDGE_GATEWAY_TIMEOUT_MS) });
      return response.ok;
    } catch {
      return false;
    }
  }
}
