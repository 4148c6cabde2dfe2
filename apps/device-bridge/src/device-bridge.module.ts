import { DynamicModule, Module } from '@nestjs/common';

import { DEVICE_BRIDGE_ENV, loadDeviceBridgeEnv } from './config/device-bridge-env';
import { GatewayLinkService } from './gateway-link/gateway-link.service';
import { LaneRegistry } from './lanes/lane.registry';
import { InFlightRecovery } from './local-state/in-flight.recovery';
import { LaneStateStore } from './local-state/lane-state.store';
import { PadPromptService } from './register-api/pad-prompt.service';
import { PinPadCheckoutService } from './register-api/pinpad-checkout.service';
import { RegisterApiController } from './register-api/register-api.controller';
import { RegisterForwardUseCase } from './register-api/register-forward.usecase';

/**
 * The on-store bridge between registers and thin PIN pads. No central database: local state only.
 */
@Module({})
export class DeviceBridgeModule {
  /** Only the gateway link (the embedded platform mounts this: its own port already serves the register API). */
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: DeviceBridgeModule,
      providers: [{ provide: DEVICE_BRIDGE_ENV, useValue: loadDeviceBridgeEnv(env) }, GatewayLinkService],
      exports: [GatewayLinkService],
    };
  }

  /** The bridge as the shop runs it: the register API on its own port, the PIN pads, local state, failover. */
  static forStore(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: DeviceBridgeModule,
      controllers: [RegisterApiController],
      providers: [
        { provide: DEVICE_BRIDGE_ENV, useValue: loadDeviceBridgeEnv(env) },
        GatewayLinkService,
        LaneRegistry,
        LaneStateStore,
        PinPadCheckoutService,
        PadPromptService,
        RegisterForwardUseCase,
        InFlightRecovery,
      ],
      exports: [GatewayLinkService],
    };
  }
}
