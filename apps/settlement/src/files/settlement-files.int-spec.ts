import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { openScratchSchema, type ScratchSchema } from '@payments/persistence/testing';

import { purchaseLine } from '../lines/testing/settlement-line.fixture';
import type { AcquirerFileConfig } from './config/settlement-files-env';
import { acquirerFileDelivery } from './acquirer-file.delivery';
import type { SettlementFile } from './settlement-file';
import type { AcquirerFileDeliveryFactory } from './settlement-file.sender';
import { FILE_LEASE_MS } from './settlement-files.worker';
import { filesStack, LATER, removeTemporaryFolders, temporaryFolder } from './testing/settlement-files.stack';

jest.setTimeout(60_000);

const url = process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments';
const MIGRATIONS = join(__dirname, '..', '..', 'prisma', 'migrations');
const DAY = '2026-12-01';
/** When the files pass runs: the moment written in the header. */
const NOW = new Date('2026-12-02T00:05:00.000Z');
const sha256Of = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** The acquirer files end to end on real PostgreSQL and on PGlite (the embedded mode), with the folder delivery. */
describe.each(['postgres', 'pglite'] as const)('settlement files (%s)', (kind) => {
  let scratch: ScratchSchema;
  let outDir: string;
  let acquirers = 0;
  let acquirerId: string;

  beforeAll(async () => {
    scratch = await openScratchSchema(kind, { appSchema: 'settlement', migrationsDir: MIGRATIONS, url, poolSize: 4 });
    outDir = temporaryFolder('settlement-files-out-');
  });
  afterAll(async () => {
    removeTemporaryFolders();
    await scratch?.close();
  });
  beforeEach(() => {
    acquirers += 1;
    acquirerId = `acq-${kind}-${acquirers}`;
  });

  const configOf = (layout = 'acquirer-transactions-csv'): Record<string, AcquirerFileConfig> => ({
    [acquirerId]: { layout, values: { acquirerId: 'ACQ01' }, folder: acquirerId, delivery: { kind: 'folder', path: outDir } },
  });
  const delivered = (name: string) => readFileSync(join(outDir, acquirerId, name));
  const fileOfDay = async (stack: ReturnType<typeof filesStack>, businessDay = DAY): Promise<SettlementFile> => {
    const [file] = await stack.files.list({ acquirerId, businessDay }, 10);
    if (!file) throw new Error(`no file for ${acquirerId} on ${businessDay}`);
    return file;
  };
  const sentEvents = async () =>
    (
      await scratch.db.connection.query<{ payload: Record<string, unknown> | string }>(
        `SELECT "payload" FROM "outbox_message" WHERE "topic" = 'settlement.file.sent.v1' AND "message_key" = $1 ORDER BY "created_at", "id"`,
        [acquirerId],
      )
    ).map((r) => (typeof r.payload === 'string' ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload));

  /** A purchase of 12.50, a refund of 5.00 and a reversed purchase of 3.00: 4.50 net, closed. */
  const closeSmallDay = async (stack: ReturnType<typeof filesStack>, businessDay = DAY) => {
    await stack.lines.record([
      purchaseLine(acquirerId, businessDay, { occurredAt: `${businessDay}T10:00:00.000Z` }),
      purchaseLine(acquirerId, businessDay, { operation: 'refund', direction: 'credit', amountMinor: 500n, occurredAt: `${businessDay}T11:00:00.000Z` }),
      purchaseLine(acquirerId, businessDay, {
        event: 'reversed',
        direction: 'credit',
        amountMinor: 300n,
        scheme: null,
        occurredAt: `${businessDay}T12:00:00.000Z`,
      }),
    ]);
    const outcome = await stack.closeDay.execute({ acquirerId, businessDay, now: LATER });
    if (outcome.kind !== 'closed') throw new Error(`expected the day closed, got ${outcome.kind}`);
    return outcome.batch;
  };

  it('writes the CSV file of a closed batch into the folder, byte for byte, with its row and its event', async () => {
    const stack = filesStack(scratch.db.connection, configOf());
    const batch = await closeSmallDay(stack);

    await stack.worker.runOnce(NOW);

    const details = [
      'D;T0000001;SHOP00000000001;2026-12-01T10:00:00Z;000000****0000;12.50;978;PURCHASE;;000000000000;000000;visa\r\n',
      'D;T0000001;SHOP00000000001;2026-12-01T11:00:00Z;000000****0000;-5.00;978;REFUND;;000000000000;000000;visa\r\n',
      'D;T0000001;SHOP00000000001;2026-12-01T12:00:00Z;000000****0000;-3.00;978;REVERSAL;;000000000000;000000;unknown\r\n',
    ];
    const expected = `H;ACQ01;2026-12-01;2026-12-02T00:05:00Z;1\r\n${details.join('')}T;3;450;${sha256Of(details.join(''))}\r\n`;
    const bytes = delivered('TX_ACQ01_20261201_0001.csv');
    expect(bytes.toString('utf8')).toBe(expected);
    expect(await fileOfDay(stack)).toMatchObject({
      batchId: batch.id,
      sequence: 1,
      status: 'delivered',
      attempts: 1,
      lastError: null,
      written: { byteLength: bytes.length, sha256: sha256Of(bytes), detailCount: 3, totals: { amount: 450n } },
      destination: `folder ${outDir}`,
      deliveredAt: NOW,
    });
    expect(await sentEvents()).toEqual([
      expect.objectContaining({ batchId: batch.id, fileName: 'TX_ACQ01_20261201_0001.csv', sequence: 1, totals: { amount: '450' }, sha256: sha256Of(bytes) }),
    ]);
    // The archive keeps the same bytes and their SHA-256 in sha256sum's format.
    const archived = join(stack.filesDir, 'archive', acquirerId, acquirerId);
    expect(readFileSync(join(archived, 'TX_ACQ01_20261201_0001.csv'))).toEqual(bytes);
    expect(readFileSync(join(archived, 'TX_ACQ01_20261201_0001.csv.sha256'), 'utf8')).toBe(`${sha256Of(bytes)}  TX_ACQ01_20261201_0001.csv\n`);
  });

  it('writes the fixed-width file with line and detail counts, the signed total and the RRN hash total in its trailer', async () => {
    const stack = filesStack(scratch.db.connection, configOf('acquirer-transactions-fixed'));
    await closeSmallDay(stack);

    await stack.worker.runOnce(NOW);

    const lines = [
      'FHACQ01      2026120120261202000500000001',
      'DTT0000001SHOP0000000000120261201100000000000****0000     000000001250+978PURCHASE        000000000000000000visa',
      'DTT0000001SHOP0000000000120261201110000000000****0000     000000000500-978REFUND          000000000000000000visa',
      'DTT0000001SHOP0000000000120261201120000000000****0000     000000000300-978REVERSAL        000000000000000000unknown',
      'FT000000005000000003+000000000000000450000000000000000',
    ];
    expect(delivered('ACQACQ01.20261201.000001.DAT').toString('latin1')).toBe(lines.map((line) => `${line.padEnd(120)}\r\n`).join(''));
  });

  it("numbers an acquirer's files in sequence, one per batch, never a new number for the same batch", async () => {
    const stack = filesStack(scratch.db.connection, configOf());
    await closeSmallDay(stack, '2026-12-01');
    await stack.worker.runOnce(NOW);
    await closeSmallDay(stack, '2026-12-02');
    await stack.worker.runOnce(new Date('2026-12-03T00:05:00Z'));
    await stack.worker.runOnce(new Date('2026-12-03T00:06:00Z'));

    const files = await stack.files.list({ acquirerId }, 10);
    expect(files.map((f) => [f.businessDay, f.sequence, f.fileName, f.status])).toEqual([
      ['2026-12-02', 2, 'TX_ACQ01_20261202_0002.csv', 'delivered'],
      ['2026-12-01', 1, 'TX_ACQ01_20261201_0001.csv', 'delivered'],
    ]);
    expect(readdirSync(join(outDir, acquirerId)).sort()).toEqual(['TX_ACQ01_20261201_0001.csv', 'TX_ACQ01_20261202_0002.csv']);
  });

  it('delivers after a restart a batch closed while no pass ran', async () => {
    await closeSmallDay(filesStack(scratch.db.connection, configOf()));

    const restarted = filesStack(scratch.db.connection, configOf());
    await restarted.worker.runOnce(NOW);

    expect(delivered('TX_ACQ01_20261201_0001.csv').toString('utf8')).toMatch(/^H;ACQ01;2026-12-01;/);
    expect(await fileOfDay(restarted)).toMatchObject({ sequence: 1, status: 'delivered', attempts: 1 });
  });

  it('takes again, once its lease ran out, a file whose process died while sending it', async () => {
    // The first process took the file and never came back from its delivery (killed half-way).
    let took!: () => void;
    const taken = new Promise<void>((resolve) => (took = resolve));
    const hanging: AcquirerFileDeliveryFactory = () => {
      took();
      return {
        destination: 'hanging',
        deliver: () => new Promise(() => undefined),
        list: () => Promise.resolve([]),
        fetch: () => new Promise(() => undefined),
      };
    };
    const dead = filesStack(scratch.db.connection, configOf(), { deliveryOf: hanging });
    await closeSmallDay(dead);
    void dead.worker.runOnce(NOW);
    await taken;

    const restarted = filesStack(scratch.db.connection, configOf());
    await restarted.worker.runOnce(new Date(NOW.getTime() + 60_000));
    expect(await fileOfDay(restarted)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(existsSync(join(outDir, acquirerId))).toBe(false);
    await restarted.worker.runOnce(new Date(NOW.getTime() + FILE_LEASE_MS));

    expect(await fileOfDay(restarted)).toMatchObject({ sequence: 1, status: 'delivered', attempts: 1 });
    expect(readdirSync(join(outDir, acquirerId))).toEqual(['TX_ACQ01_20261201_0001.csv']);
  });

  it('retries a failing delivery with a doubling wait, then marks the file failed with the error, keeping its sequence', async () => {
    let failing = true;
    const flaky: AcquirerFileDeliveryFactory = (id, config, dir) => {
      if (failing) throw new Error('sftp://acq@bank.example:22: connection refused');
      return acquirerFileDelivery(id, config, dir);
    };
    const stack = filesStack(scratch.db.connection, configOf(), {
      deliveryOf: flaky,
      env: { SETTLEMENT_FILES_MAX_ATTEMPTS: '3', SETTLEMENT_FILES_RETRY_MS: '1000' },
    });
    await closeSmallDay(stack);
    const at = (ms: number) => new Date(NOW.getTime() + ms);

    await stack.worker.runOnce(at(0));
    expect(await fileOfDay(stack)).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: at(1_000),
      lastError: 'sftp://acq@bank.example:22: connection refused',
    });
    await stack.worker.runOnce(at(999)); // not due yet
    expect(await fileOfDay(stack)).toMatchObject({ attempts: 1 });
    await stack.worker.runOnce(at(1_000));
    expect(await fileOfDay(stack)).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: at(3_000) });
    await stack.worker.runOnce(at(3_000));
    expect(await fileOfDay(stack)).toMatchObject({ status: 'failed', attempts: 3, written: null });
    await stack.worker.runOnce(at(3_600_000));
    expect(await fileOfDay(stack)).toMatchObject({ status: 'failed', attempts: 3 });
    expect(await sentEvents()).toEqual([]);

    // An operator's re-send while the destination is still down is one more failed attempt, said as such.
    const { id } = await fileOfDay(stack);
    expect(await stack.resend.execute(id, at(3_650_000))).toEqual({ kind: 'delivery_failed', message: 'sftp://acq@bank.example:22: connection refused' });
    expect(await fileOfDay(stack)).toMatchObject({ status: 'failed', attempts: 4 });
    // Once it is back: delivered, the same sequence, one file.
    failing = false;
    const outcome = await stack.resend.execute(id, at(3_700_000));
    expect(outcome).toMatchObject({ kind: 'sent', file: { sequence: 1, status: 'delivered', attempts: 5, lastError: null } });
    expect(readdirSync(join(outDir, acquirerId))).toEqual(['TX_ACQ01_20261201_0001.csv']);
    expect(await stack.files.list({ acquirerId }, 10)).toHaveLength(1);
  });

  it('re-sends a delivered file with identical bytes (a no-op at the receiver), and refuses loudly one that would come out different', async () => {
    const stack = filesStack(scratch.db.connection, configOf('acquirer-transactions-fixed'));
    await closeSmallDay(stack);
    await stack.worker.runOnce(NOW);
    const file = await fileOfDay(stack);
    const sent = delivered(file.fileName);

    const again = await stack.resend.execute(file.id, new Date(NOW.getTime() + 60_000));

    expect(again).toMatchObject({ kind: 'sent', sent: { outcome: 'already-delivered', written: { sha256: file.written?.sha256 } } });
    expect(sha256Of(sent)).toBe(file.written?.sha256);
    expect(delivered(file.fileName)).toEqual(sent);
    expect(await sentEvents()).toHaveLength(2);

    // Whatever changed what the batch renders to (here the recorded moment of the header) is caught before sending.
    await scratch.db.connection.execute(`UPDATE "settlement_file" SET "created_at" = "created_at" + interval '1 second' WHERE "id" = $1::uuid`, [file.id]);
    const refused = await stack.resend.execute(file.id, new Date(NOW.getTime() + 120_000));
    expect(refused).toEqual({
      kind: 'mismatch',
      message: expect.stringContaining(`file ${file.fileName} of batch ${file.batchId}: re-generated with SHA-256`) as string,
    });
    expect(delivered(file.fileName)).toEqual(sent);
    expect(await sentEvents()).toHaveLength(2);
  });

  it('gives no file to an acquirer without file configuration', async () => {
    const stack = filesStack(scratch.db.connection, {});
    const batch = await closeSmallDay(stack);
    await stack.worker.runOnce(NOW);
    expect(await stack.files.findByBatch(batch.id)).toBeUndefined();
  });
});
