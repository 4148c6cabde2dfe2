import { statSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { openScratchSchema, type ScratchSchema } from '@payments/persistence/testing';

import { filesStack, LATER, removeTemporaryFolders, temporaryFolder } from './testing/settlement-files.stack';

jest.setTimeout(300_000);

const url = process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments';
const MIGRATIONS = join(__dirname, '..', '..', 'prisma', 'migrations');
const LINES = 200_000;
const MiB = 1024 * 1024;

/**
 * A full collection on demand, so the spec reads the heap that is still in use rather than what
 * happens not to be collected yet (which depends on what ran before it in the process).
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const liveHeap = (): number => {
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

/** 200,000 lines on one day: purchases of 1.00 to 999.00 and refunds of 0.50, one after the other. */
const INSERT_LINES = `INSERT INTO "settlement_line" ("transaction_id", "event", "acquirer_id", "merchant_id", "terminal_id", "scheme",
    "operation", "direction", "amount_minor", "currency", "occurred_at", "event_business_day", "business_day")
  SELECT gen_random_uuid(), 'authorized', $1, 'SHOP' || lpad((n % 97)::text, 11, '0'), 'T' || lpad((n % 13)::text, 7, '0'), 'visa',
    CASE WHEN n % 2 = 0 THEN 'purchase' ELSE 'refund' END, CASE WHEN n % 2 = 0 THEN 'debit' ELSE 'credit' END,
    CASE WHEN n % 2 = 0 THEN 100 + (n % 1000) * 100 ELSE 50 END, 'EUR',
    timestamptz '2026-12-01 00:00:00+00' + (n * interval '400 milliseconds'), date '2026-12-01', date '2026-12-01'
  FROM generate_series(1, $2::int) AS "n"`;

/** The whole file is never in memory: the lines are read a page at a time and encoded as the disk takes them. */
describe('a settlement file of 200,000 lines (postgres)', () => {
  let scratch: ScratchSchema;

  beforeAll(async () => {
    scratch = await openScratchSchema('postgres', { appSchema: 'settlement', migrationsDir: MIGRATIONS, url });
  });
  afterAll(async () => {
    removeTemporaryFolders();
    await scratch?.close();
  });

  it('is written and delivered with the heap growing by a bounded amount, its totals to the cent', async () => {
    const acquirerId = 'acq-big';
    const stack = filesStack(scratch.db.connection, {
      [acquirerId]: {
        layout: 'acquirer-transactions-fixed',
        values: { acquirerId: 'BIG01' },
        folder: '',
        delivery: { kind: 'folder', path: temporaryFolder('settlement-files-big-') },
      },
    });
    await scratch.db.connection.execute(INSERT_LINES, [acquirerId, LINES]);
    await stack.closeDay.execute({ acquirerId, businessDay: '2026-12-01', now: LATER });

    const before = { heapUsed: liveHeap(), rss: process.memoryUsage().rss };
    let peakHeap = before.heapUsed;
    let peakRss = before.rss;
    // The live heap once a second while the file is written (each sample a full collection, the next one a second after it ends,
    // so sampling never starves the writing): the batch's rows held at once would stay live throughout.
    let sampling = true;
    let timer: NodeJS.Timeout | undefined;
    const sample = (): void => {
      if (!sampling) return;
      peakHeap = Math.max(peakHeap, liveHeap());
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      timer = setTimeout(sample, 1_000);
    };
    timer = setTimeout(sample, 1_000);
    const sampler = { stop: () => ((sampling = false), clearTimeout(timer)) };
    const started = Date.now();
    try {
      await stack.worker.runOnce(new Date('2026-12-02T00:05:00Z'));
    } finally {
      sampler.stop();
    }
    const [file] = await stack.files.list({ acquirerId }, 1);
    const size = statSync(join(stack.filesDir, 'archive', acquirerId, file.fileName)).size;
    const [{ net }] = await scratch.db.connection.query<{ net: string }>(
      `SELECT sum(CASE WHEN "direction" = 'debit' THEN "amount_minor" ELSE -"amount_minor" END)::text AS "net" FROM "settlement_line" WHERE "acquirer_id" = $1`,
      [acquirerId],
    );
    const figures = {
      ms: Date.now() - started,
      fileMiB: +(size / MiB).toFixed(1),
      heapMiB: [before.heapUsed, peakHeap].map((b) => +(b / MiB).toFixed(1)),
      rssMiB: [before.rss, peakRss].map((b) => +(b / MiB).toFixed(1)),
    };
    process.stdout.write(`settlement file of ${LINES} lines: ${JSON.stringify(figures)}\n`);

    expect(file).toMatchObject({ status: 'delivered', written: { detailCount: LINES, byteLength: size, totals: { amount: BigInt(net) } } });
    // The batch's 200,000 rows held at once take 97 MiB of heap as pg returns them (measured), before any mapping; a page of 2,000
    // rows and a 64 KiB chunk take a few MiB. The live heap is measured after a full collection, so garbage not yet collected
    // (more of it after other specs in the same process) does not count.
    expect(peakHeap - before.heapUsed).toBeLessThan(48 * MiB);
  });
});
