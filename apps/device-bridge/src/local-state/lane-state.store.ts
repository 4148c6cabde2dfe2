import { Inject, Injectable } from '@nestjs/common';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';

import { DEVICE_BRIDGE_ENV, DeviceBridgeEnv } from '../config/device-bridge-env';
import { BridgeState, CompletedOperation, InFlightOperation, LaneState } from './lane-state.model';

/** Outcomes kept per lane, for registers asking again with their Idempotency-Key. */
const COMPLETED_PER_LANE = 20;

/**
 * The bridge's local state, per lane: the operation in flight and the last ones completed. Every
 * change rewrites one small JSON file atomically (write a temporary file, fsync it, rename it over
 * the old one, fsync the folder): after a crash the file is the state before or after the change,
 * never half of one. Small (a few KB for a 50-lane shop), so rewriting beats an append-only log
 * that needs compaction; the encrypted blocks of an operation leave the file with its outcome.
 */
@Injectable()
export class LaneStateStore {
  private readonly file: string | undefined;
  private state: BridgeState;

  constructor(@Inject(DEVICE_BRIDGE_ENV) env: DeviceBridgeEnv) {
    this.file = env.DATA_DIR === 'memory' ? undefined : join(env.DATA_DIR, 'device-bridge', 'state.json');
    this.state = this.load();
  }

  lane(lane: string): LaneState {
    return (this.state.lanes[lane] ??= { completed: [] });
  }

  /** Every operation whose outcome is not known (after a restart: those to resolve). */
  inFlight(): InFlightOperation[] {
    return Object.values(this.state.lanes).flatMap((lane) => [...(lane.inFlight ? [lane.inFlight] : []), ...(lane.unresolved ?? [])]);
  }

  /** The lane's operation with this key whose outcome is not known yet. */
  open(lane: string, idempotencyKey: string): InFlightOperation | undefined {
    const state = this.lane(lane);
    return [state.inFlight, ...(state.unresolved ?? [])].find((operation) => operation?.idempotencyKey === idempotencyKey);
  }

  /** Sets the lane's operation in flight aside (sent, outcome unknown) so the lane can take the next one. */
  setAside(lane: string): void {
    const state = this.lane(lane);
    if (!state.inFlight) return;
    if (state.inFlight.phase === 'sent') state.unresolved = [...(state.unresolved ?? []), state.inFlight];
    state.inFlight = undefined;
    this.save();
  }

  completed(lane: string, idempotencyKey: string): CompletedOperation | undefined {
    return this.lane(lane).completed.find((operation) => operation.idempotencyKey === idempotencyKey);
  }

  begin(operation: InFlightOperation): void {
    this.lane(operation.lane).inFlight = operation;
    this.save();
  }

  /** Closes the lane's operation with its outcome. */
  complete(outcome: CompletedOperation): void {
    const lane = this.lane(outcome.lane);
    if (lane.inFlight?.idempotencyKey === outcome.idempotencyKey) lane.inFlight = undefined;
    lane.unresolved = lane.unresolved?.filter((operation) => operation.idempotencyKey !== outcome.idempotencyKey);
    const others = lane.completed.filter((operation) => operation.idempotencyKey !== outcome.idempotencyKey);
    lane.completed = [outcome, ...others].slice(0, COMPLETED_PER_LANE);
    this.save();
  }

  /** Drops the lane's operation in flight: it never reached a gateway. */
  abandon(lane: string, idempotencyKey: string): void {
    const state = this.lane(lane);
    if (state.inFlight?.idempotencyKey === idempotencyKey) state.inFlight = undefined;
    state.unresolved = state.unresolved?.filter((operation) => operation.idempotencyKey !== idempotencyKey);
    this.save();
  }

  private load(): BridgeState {
    if (!this.file || !existsSync(this.file)) return { version: 1, lanes: {} };
    let parsed: BridgeState;
    try {
      parsed = JSON.parse(readFileSync(this.file, 'utf8')) as BridgeState;
    } catch (error) {
      // Never half written (see save): a damaged file is a disk fault, for a person to look at before operations are lost.
      throw new Error(`the device bridge state ${this.file} cannot be read (${(error as Error).message}); move it aside to start empty`);
    }
    if (parsed.version !== 1) throw new Error(`the device bridge state ${this.file} has an unknown version ${String(parsed.version)}`);
    return parsed;
  }

  private save(): void {
    if (!this.file) return;
    const folder = join(this.file, '..');
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const temporary = `${this.file}.tmp`;
    // 0600: an operation in flight holds the register's terminal key until its outcome is known.
    const fd = openSync(temporary, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(this.state));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, this.file);
    const dir = openSync(folder, 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  }
}
