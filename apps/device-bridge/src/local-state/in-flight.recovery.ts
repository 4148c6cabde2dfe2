import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

import { DEVICE_BRIDGE_ENV, DeviceBridgeEnv } from '../config/device-bridge-env';
import { RegisterForwardUseCase } from '../register-api/register-forward.usecase';
import { LaneStateStore } from './lane-state.store';

/**
 * Operations left in flight: at boot (the bridge stopped after sending one) and then on every
 * probe interval (no gateway answered, or it still ran the operation), each is sent again with its
 * Idempotency-Key until a gateway answers its outcome; the register asking again gets it.
 */
@Injectable()
export class InFlightRecovery implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeviceBridge');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(DEVICE_BRIDGE_ENV) private readonly env: DeviceBridgeEnv,
    private readonly store: LaneStateStore,
    private readonly forward: RegisterForwardUseCase,
  ) {}

  /** Before the bridge takes requests: an emergency cancel or receipt copy then sees the last operation closed. */
  async onApplicationBootstrap(): Promise<void> {
    const left = this.store.inFlight();
    if (left.length > 0) this.logger.log(`resolving ${left.length} operation(s) left in flight`);
    await this.resolveAll();
    this.timer = setInterval(() => void this.resolveAll(), this.env.DEVICE_BRIDGE_PROBE_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async resolveAll(): Promise<void> {
    const resolving = this.store.inFlight().map((operation) => this.forward.resolve(operation)?.catch(() => undefined) ?? Promise.resolve(undefined));
    await Promise.all(resolving);
    await this.store.flushed(); // the outcomes learnt are on disk too
  }
}
