import { createHash } from 'node:crypto';

import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';

import { connectPinPadOverTcp, openPinPadOverSerial, PinPadClient, PinPadLinkError } from '@payments/pinpad';

import { DEVICE_BRIDGE_ENV, DeviceBridgeEnv } from '../config/device-bridge-env';
import { LaneConfig } from './lane-config';

/**
 * The configured lanes and one open line to each lane's PIN pad, opened on first use and again
 * after it failed. A register is matched to its lane by its terminal key's hash.
 */
@Injectable()
export class LaneRegistry implements OnApplicationShutdown {
  private readonly byKeyHash: ReadonlyMap<string, LaneConfig>;
  private readonly pads = new Map<string, Promise<PinPadClient>>();

  constructor(@Inject(DEVICE_BRIDGE_ENV) env: DeviceBridgeEnv) {
    this.byKeyHash = new Map(env.DEVICE_BRIDGE_PINPADS.map((lane) => [lane.terminalKeySha256, lane]));
  }

  get lanes(): LaneConfig[] {
    return [...this.byKeyHash.values()];
  }

  laneOfKey(terminalKey: string): LaneConfig | undefined {
    return this.byKeyHash.get(createHash('sha256').update(terminalKey).digest('hex'));
  }

  /** The lane's PIN pad, checked with STATUS; a line that went down since is opened again once. */
  async pad(lane: LaneConfig): Promise<PinPadClient> {
    const cached = this.pads.get(lane.lane);
    if (cached) {
      const pad = await cached.catch(() => undefined);
      if (pad && (await this.answers(pad))) return pad;
      this.drop(lane);
    }
    const opening = this.open(lane);
    this.pads.set(lane.lane, opening);
    try {
      const pad = await opening;
      await pad.status();
      return pad;
    } catch (error) {
      this.drop(lane);
      throw error;
    }
  }

  /** Closes the lane's line (after a link error): the next operation opens it again, a new session. */
  drop(lane: LaneConfig): void {
    const pad = this.pads.get(lane.lane);
    this.pads.delete(lane.lane);
    void pad?.then((client) => client.close()).catch(() => undefined);
  }

  onApplicationShutdown(): void {
    for (const lane of this.lanes) this.drop(lane);
  }

  private open(lane: LaneConfig): Promise<PinPadClient> {
    const { pinpad } = lane;
    return pinpad.kind === 'tcp' ? connectPinPadOverTcp(pinpad.host, pinpad.port) : openPinPadOverSerial(pinpad.path, { baudRate: pinpad.baudRate });
  }

  private async answers(pad: PinPadClient): Promise<boolean> {
    try {
      await pad.status();
      return true;
    } catch (error) {
      if (error instanceof PinPadLinkError) return false;
      throw error;
    }
  }
}
