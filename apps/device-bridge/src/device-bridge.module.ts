import { DynamicModule, Module } from '@nestjs/common';

import { DEVICE_BRIDGE_ENV, loadDeviceBridgeEnv } from './config/device-bridge-env';
import { GatewayLinkService } from './gateway-link/gateway-link.service';

/**
 * The on-store bridge between registers and thin PIN pads. No central database: local state
 * only. Thin for now: it boots, finds its gateway (primary, then backup) and reports health.
 */
@Module({})
export class DeviceBridgeModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: DeviceBridgeModule,
      providers: [{ provide: DEVICE_BRIDGE_ENV, useValue: loadDeviceBridgeEnv(env) }, GatewayLinkService],
      exports: [GatewayLinkService],
    };
  }
}
