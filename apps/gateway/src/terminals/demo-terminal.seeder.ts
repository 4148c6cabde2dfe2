import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';

import { GATEWAY_ENV, GatewayEnv } from '../config/gateway-env';
import { ApiClientRepository } from './api-client.repository';
import { demoTerminal, demoTerminalKey } from './terminal';

/** The demo register of the embedded mode and of local runs (GATEWAY_SEED_DEMO_TERMINAL=true). */
@Injectable()
export class DemoTerminalSeeder implements OnApplicationBootstrap {
  constructor(
    private readonly clients: ApiClientRepository,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.env.GATEWAY_SEED_DEMO_TERMINAL) return;
    for (let n = 1; n <= this.env.GATEWAY_DEMO_TERMINAL_COUNT; n += 1) {
      await this.clients.upsertTerminal(demoTerminal(n), demoTerminalKey(this.env.GATEWAY_DEMO_TERMINAL_KEY, n));
    }
  }
}
