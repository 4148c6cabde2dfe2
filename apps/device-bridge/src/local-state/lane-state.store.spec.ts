import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadDeviceBridgeEnv } from '../config/device-bridge-env';
import { InFlightOperation } from './lane-state.model';
import { LaneStateStore } from './lane-state.store';

const sent = (lane: string, idempotencyKey: string): InFlightOperation => ({
  lane,
  idempotencyKey,
  requestHash: `h-${idempotencyKey}`,
  phase: 'sent',
  forwarded: { method: 'POST', path: '/v1/purchases', headers: { authorization: `Bearer key-${lane}` }, body: '{"amount":100}' },
  startedAt: '2026-12-07T10:00:00Z',
});

describe(LaneStateStore.name, () => {
  let dataDir: string;
  const store = () => new LaneStateStore(loadDeviceBridgeEnv({ DATA_DIR: dataDir }));
  const laneFile = (lane: string) => join(dataDir, 'device-bridge', 'lanes', `${lane}.json`);

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'bridge-state-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps each lane in its own file (0600), on disk once the change resolves, for the next start to read', async () => {
    const first = store();
    await Promise.all([first.begin(sent('1', 'k-1')), first.begin(sent('2', 'k-2'))]);
    expect(statSync(laneFile('1')).mode & 0o777).toBe(0o600);
    expect(readFileSync(laneFile('1'), 'utf8')).not.toContain('key-2');

    expect(
      store()
        .inFlight()
        .map((operation) => operation.idempotencyKey),
    ).toEqual(['k-1', 'k-2']);
  });

  it('writes changes made to a lane while its file is being written with the next write: the last change is what stays', async () => {
    const first = store();
    const changes = [
      first.begin(sent('1', 'k-1')),
      first.complete({
        ...sent('1', 'k-1'),
        path: '/v1/purchases',
        status: 201,
        body: '{"status":"approved"}',
        gateway: 'g',
        completedAt: 'now',
        forwarded: undefined,
      }),
      first.begin(sent('1', 'k-2')),
    ];
    await Promise.all(changes);
    const next = store();
    expect(next.inFlight().map((operation) => operation.idempotencyKey)).toEqual(['k-2']);
    expect(next.completed('1', 'k-1')?.status).toBe(201);
  });

  it('does not write an operation at the PIN pad: a restart drops it anyway', async () => {
    await store().begin({ lane: '1', idempotencyKey: 'k-1', requestHash: 'h', phase: 'pad', startedAt: '2026-12-07T10:00:00Z' });
    expect(existsSync(laneFile('1'))).toBe(false);
  });

  it('reads the one-file layout of earlier versions (state.json) and moves its lanes to their own files', async () => {
    mkdirSync(join(dataDir, 'device-bridge'), { recursive: true });
    const legacy = join(dataDir, 'device-bridge', 'state.json');
    writeFileSync(legacy, JSON.stringify({ version: 1, lanes: { '3': { inFlight: sent('3', 'k-3'), completed: [] } } }));
    const first = store();
    expect(first.inFlight().map((operation) => operation.idempotencyKey)).toEqual(['k-3']);
    await first.flushed();
    expect(existsSync(legacy)).toBe(false);
    expect(
      store()
        .inFlight()
        .map((operation) => operation.idempotencyKey),
    ).toEqual(['k-3']);
  });

  it('refuses to start over a damaged lane file, naming it', () => {
    mkdirSync(join(dataDir, 'device-bridge', 'lanes'), { recursive: true });
    writeFileSync(laneFile('1'), '{"version":1,"lane":"1","sta');
    expect(store).toThrow(/device-bridge\/lanes\/1\.json cannot be read/);
  });
});
