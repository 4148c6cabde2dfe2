import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';

import { DEVICE_BRIDGE_ENV, DeviceBridgeEnv } from '../config/device-bridge-env';
import { BridgeState, CompletedOperation, InFlightOperation, LaneFile, LaneState } from './lane-state.model';

/** Outcomes kept per lane, for registers asking again with their Idempotency-Key. */
const COMPLETED_PER_LANE = 20;

/** A lane's pending writes: the one running now, and the next one, which takes every change made before it starts. */
interface LaneWrites {
  writing: Promise<void>;
  queued?: Promise<void>;
}

/**
 * The bridge's local state, per lane: the operation in flight and the last ones completed. Each
 * lane has its own small JSON file (`DATA_DIR/device-bridge/lanes/<lane>.json`), rewritten
 * atomically on every change of that lane (write a temporary file, fsync it, rename it over the
 * old one, fsync the folder): after a crash it is the lane's state before or after the change,
 * never half of one. Small (a few tens of KB), so rewriting beats an append-only log that needs
 * compaction; the encrypted blocks of an operation leave the file with its outcome. One file per
 * lane, not one for the shop: a change writes one lane's outcomes, not all fifty lanes' (that cost
 * about 7 ms of CPU a purchase at 50 lanes, and the other lanes waited for it).
 *
 * Writes are asynchronous: the disk never stops the event loop (the other lanes go on), and the
 * changes made to a lane while its write runs go to disk together in the next one. A change's
 * promise resolves once the file holds it. An operation at the pad is kept in memory only: a
 * restart drops it anyway (it reached no gateway), so it is not worth a write. A `state.json` of
 * the one-file layout is read at boot, and removed once its lanes have their own files.
 */
@Injectable()
export class LaneStateStore implements OnApplicationShutdown {
  private readonly folder: string | undefined;
  private readonly state: BridgeState = { version: 1, lanes: {} };
  private readonly writes = new Map<string, LaneWrites>();
  private folderMade: Promise<void> | undefined;
  /** Moving a `state.json` of the one-file layout to lane files. */
  private migration: Promise<void> = Promise.resolve();

  constructor(@Inject(DEVICE_BRIDGE_ENV) env: DeviceBridgeEnv) {
    this.folder = env.DATA_DIR === 'memory' ? undefined : join(env.DATA_DIR, 'device-bridge');
    this.load();
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
  setAside(lane: string): Promise<void> {
    const state = this.lane(lane);
    if (!state.inFlight) return Promise.resolve();
    if (state.inFlight.phase === 'sent') state.unresolved = [...(state.unresolved ?? []), state.inFlight];
    state.inFlight = undefined;
    return this.save(lane);
  }

  completed(lane: string, idempotencyKey: string): CompletedOperation | undefined {
    return this.lane(lane).completed.find((operation) => operation.idempotencyKey === idempotencyKey);
  }

  /** Resolves once the operation is on disk; one at the pad is kept in memory only (see the class). */
  begin(operation: InFlightOperation): Promise<void> {
    this.lane(operation.lane).inFlight = operation;
    return operation.phase === 'pad' ? Promise.resolve() : this.save(operation.lane);
  }

  /** Closes the lane's operation with its outcome; resolves once it is on disk. */
  complete(outcome: CompletedOperation): Promise<void> {
    const lane = this.lane(outcome.lane);
    if (lane.inFlight?.idempotencyKey === outcome.idempotencyKey) lane.inFlight = undefined;
    lane.unresolved = lane.unresolved?.filter((operation) => operation.idempotencyKey !== outcome.idempotencyKey);
    const others = lane.completed.filter((operation) => operation.idempotencyKey !== outcome.idempotencyKey);
    lane.completed = [outcome, ...others].slice(0, COMPLETED_PER_LANE);
    return this.save(outcome.lane);
  }

  /** Drops the lane's operation in flight: it never reached a gateway. */
  abandon(lane: string, idempotencyKey: string): Promise<void> {
    const state = this.lane(lane);
    if (state.inFlight?.idempotencyKey === idempotencyKey) state.inFlight = undefined;
    state.unresolved = state.unresolved?.filter((operation) => operation.idempotencyKey !== idempotencyKey);
    return this.save(lane);
  }

  /** Resolves when every change made so far is on disk. */
  flushed(): Promise<void> {
    const writes = [...this.writes.values()].map((w) => w.queued ?? w.writing);
    return Promise.all([...writes, this.migration].map((w) => w.catch(() => undefined))).then(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flushed();
  }

  private load(): void {
    if (!this.folder) return;
    const legacy = join(this.folder, 'state.json');
    if (existsSync(legacy)) Object.assign(this.state.lanes, readState<BridgeState>(legacy).lanes);
    const lanes = join(this.folder, 'lanes');
    const files = existsSync(lanes) ? readdirSync(lanes).filter((name) => name.endsWith('.json')) : [];
    // A lane's own file is newer than the one-file layout's state.
    for (const name of files) {
      const file = readState<LaneFile>(join(lanes, name));
      this.state.lanes[file.lane] = file.state;
    }
    if (existsSync(legacy)) {
      const moved = Object.keys(this.state.lanes).map((lane) => this.save(lane));
      // Until every lane has its file, state.json stays: a crash before then reads both again.
      this.migration = Promise.all(moved).then(() => unlink(legacy));
      this.migration.catch(() => undefined);
    }
  }

  private save(lane: string): Promise<void> {
    const folder = this.folder;
    if (!folder) return Promise.resolve();
    const writes = this.writes.get(lane) ?? { writing: Promise.resolve() };
    this.writes.set(lane, writes);
    if (writes.queued) return writes.queued;
    const next = writes.writing
      .catch(() => undefined)
      .then(async () => {
        writes.queued = undefined;
        const text = JSON.stringify({ version: 1, lane, state: this.lane(lane) } satisfies LaneFile);
        writes.writing = this.makeFolder(join(folder, 'lanes')).then((lanes) => writeAtomically(lanes, `${lane}.json`, text));
        return writes.writing;
      });
    writes.queued = next;
    return next;
  }

  private async makeFolder(lanes: string): Promise<string> {
    this.folderMade ??= mkdir(lanes, { recursive: true, mode: 0o700 }).then(() => undefined);
    try {
      await this.folderMade;
    } catch (error) {
      this.folderMade = undefined; // tried again on the next write
      throw error;
    }
    return lanes;
  }
}

function readState<T extends { version: unknown }>(file: string): T {
  let parsed: T;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    // Never half written (see the class): a damaged file is a disk fault, for a person to look at before operations are lost.
    throw new Error(`the device bridge state ${file} cannot be read (${(error as Error).message}); move it aside to start empty`);
  }
  if (parsed.version !== 1) throw new Error(`the device bridge state ${file} has an unknown version ${String(parsed.version)}`);
  return parsed;
}

/** Temporary file, fsync, rename over the old one, fsync of the folder. */
async function writeAtomically(folder: string, name: string, text: string): Promise<void> {
  const file = join(folder, name);
  const temporary = `${file}.tmp`;
  // 0600: an operation in flight holds the register's terminal key until its outcome is known.
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
  const dir = await open(folder, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
