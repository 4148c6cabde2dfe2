import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { SqlConnection } from '@payments/persistence';
import { openScratchSchema, type ScratchSchema } from '@payments/persistence/testing';

import { acquirerFileDelivery } from '../files/acquirer-file.delivery';
import { loadSettlementFilesEnv } from '../files/config/settlement-files-env';
import { filesStack, LATER, removeTemporaryFolders, temporaryFolder } from '../files/testing/settlement-files.stack';
import { purchaseLine } from '../lines/testing/settlement-line.fixture';
import { PostingRepository } from '../postings/posting.repository';
import { journalFilesConfigSchema } from './config/journal-files-env';
import type { JournalFile } from './journal-file';
import { JournalFileRepository } from './journal-file.repository';
import { JOURNAL_ARCHIVE, JournalFileSender } from './journal-file.sender';
import { JournalFilesWorker } from './journal-files.worker';

jest.setTimeout(60_000);

const url = process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments';
const MIGRATIONS = join(__dirname, '..', '..', 'prisma', 'migrations');
/** When the pass runs: the moment written in the header. */
const NOW = new Date('2026-12-02T00:05:00.000Z');
const sha256Of = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** The journal files of closed days on real PostgreSQL and on PGlite (the embedded mode), with the folder delivery. */
describe.each(['postgres', 'pglite'] as const)('journal files (%s)', (kind) => {
  let scratch: ScratchSchema;
  let outDir: string;
  let days = 0;
  let day: string;
  let acquirers: [string, string];

  beforeAll(async () => {
    scratch = await openScratchSchema(kind, { appSchema: 'settlement', migrationsDir: MIGRATIONS, url, poolSize: 4 });
    outDir = temporaryFolder('journal-files-out-');
  });
  afterAll(async () => {
    removeTemporaryFolders();
    await scratch?.close();
  });
  beforeEach(() => {
    days += 1;
    day = `2026-11-${String(days).padStart(2, '0')}`;
    acquirers = [`jacq-${kind}-${days}-a`, `jacq-${kind}-${days}-b`];
  });

  /** The journal files as the module wires them, over the acquirer files' folder and delivery. */
  const journalStack = (db: SqlConnection) => {
    const env = loadSettlementFilesEnv({ SETTLEMENT_FILES_DIR: temporaryFolder('journal-files-work-') });
    const config = journalFilesConfigSchema.parse({
      layout: 'journal-entries-csv',
      values: { ledgerId: 'PAYGL' },
      folder: 'gl',
      delivery: { kind: 'folder', path: outDir },
      acquirers,
    });
    const files = new JournalFileRepository(db);
    const sender = new JournalFileSender(files, config, env, acquirerFileDelivery);
    return { env, files, sender, worker: new JournalFilesWorker(files, sender, config, env), closing: filesStack(db, {}) };
  };
  type Stack = ReturnType<typeof journalStack>;

  /** Acquirer a: a visa purchase of 12.50, a visa refund of 5.00, a mastercard purchase of CZK 100.00; acquirer b: EUR 3.00 of no scheme. */
  const close = async (stack: Stack, acquirerId: string) => {
    const [a] = acquirers;
    await stack.closing.lines.record(
      acquirerId === a
        ? [
            purchaseLine(a, day),
            purchaseLine(a, day, { operation: 'refund', direction: 'credit', amountMinor: 500n }),
            purchaseLine(a, day, { scheme: 'mastercard', currency: 'CZK', amountMinor: 10000n }),
          ]
        : [purchaseLine(acquirerId, day, { scheme: null, amountMinor: 300n })],
    );
    const outcome = await stack.closing.closeDay.execute({ acquirerId, businessDay: day, now: LATER });
    if (outcome.kind !== 'closed') throw new Error(`expected the day closed, got ${outcome.kind}`);
    return outcome.batch.id;
  };
  const postingId = async (batchId: string, debit: string, credit: string, currency: string) => {
    const postings = (await new PostingRepository(scratch.db.connection).ofBatch(batchId)) ?? [];
    const posting = postings.find((p) => p.debitAccount === debit && p.creditAccount === credit && p.currency === currency);
    if (!posting) throw new Error(`no posting ${debit}/${credit} ${currency} in batch ${batchId}`);
    return posting.id;
  };
  const filesOfDay = (stack: Stack): Promise<JournalFile[]> => stack.files.list({ businessDay: day }, 10);
  const delivered = (file: JournalFile) => readFileSync(join(outDir, 'gl', file.fileName));

  it('waits for every configured acquirer to close the day, then writes one balanced file per currency, byte for byte', async () => {
    const stack = journalStack(scratch.db.connection);
    const [a, b] = acquirers;
    const batchA = await close(stack, a);
    await stack.worker.runOnce(NOW);
    expect(await filesOfDay(stack)).toEqual([]);

    const batchB = await close(stack, b);
    await stack.worker.runOnce(NOW);

    const [czk, eur] = await filesOfDay(stack);
    expect([czk.currency, eur.currency]).toEqual(['CZK', 'EUR']);
    const entry = (acquirerId: string, batch: string, posting: string, account: string, side: 'D' | 'C', amount: string, currency: string, pair: string) =>
      `D;${day};${account};${side};${amount};${currency};${posting};${batch};settlement ${acquirerId} ${day} ${pair} 1 lines\r\n`;
    const purchase = await postingId(batchA, '1011', '2010', 'EUR');
    const refund = await postingId(batchA, '2010', '1011', 'EUR');
    const other = await postingId(batchB, '1019', '2010', 'EUR');
    const details = [
      entry(a, batchA, purchase, '1011', 'D', '12.50', 'EUR', 'DR 1011 CR 2010'),
      entry(a, batchA, purchase, '2010', 'C', '12.50', 'EUR', 'DR 1011 CR 2010'),
      entry(a, batchA, refund, '2010', 'D', '5.00', 'EUR', 'DR 2010 CR 1011'),
      entry(a, batchA, refund, '1011', 'C', '5.00', 'EUR', 'DR 2010 CR 1011'),
      entry(b, batchB, other, '1019', 'D', '3.00', 'EUR', 'DR 1019 CR 2010'),
      entry(b, batchB, other, '2010', 'C', '3.00', 'EUR', 'DR 1019 CR 2010'),
    ].join('');
    const ymd = day.replaceAll('-', '');
    expect(eur.fileName).toBe(`JE_PAYGL_${ymd}_EUR_${String(eur.sequence).padStart(4, '0')}.csv`);
    const bytes = delivered(eur);
    expect(bytes.toString('utf8')).toBe(`H;PAYGL;${day};EUR;2026-12-02T00:05:00Z;${eur.sequence}\r\n${details}T;6;2050;2050;${sha256Of(details)}\r\n`);
    expect(eur).toMatchObject({
      status: 'delivered',
      attempts: 1,
      acquirers: [a, b],
      written: { byteLength: bytes.length, sha256: sha256Of(bytes), entryCount: 6, debitMinor: 2050n, creditMinor: 2050n },
      destination: `folder ${outDir}`,
      deliveredAt: NOW,
    });
    const mastercard = await postingId(batchA, '1012', '2010', 'CZK');
    const czkDetails = [
      entry(a, batchA, mastercard, '1012', 'D', '100.00', 'CZK', 'DR 1012 CR 2010'),
      entry(a, batchA, mastercard, '2010', 'C', '100.00', 'CZK', 'DR 1012 CR 2010'),
    ].join('');
    expect(delivered(czk).toString('utf8')).toBe(
      `H;PAYGL;${day};CZK;2026-12-02T00:05:00Z;${czk.sequence}\r\n${czkDetails}T;2;10000;10000;${sha256Of(czkDetails)}\r\n`,
    );
    const events = await scratch.db.connection.query<{ payload: Record<string, unknown> | string }>(
      `SELECT "payload" FROM "outbox_message" WHERE "topic" = 'settlement.journal-file.sent.v1' AND "message_key" = $1 ORDER BY "payload"->>'currency'`,
      [day],
    );
    expect(events.map((e) => (typeof e.payload === 'string' ? (JSON.parse(e.payload) as Record<string, unknown>) : e.payload))).toEqual([
      expect.objectContaining({ fileId: czk.id, currency: 'CZK', debitMinor: '10000', creditMinor: '10000' }),
      expect.objectContaining({ fileId: eur.id, currency: 'EUR', entryCount: 6, debitMinor: '2050', creditMinor: '2050', sha256: sha256Of(bytes) }),
    ]);
    // The archive keeps the same bytes, apart from any acquirer's files.
    expect(readFileSync(join(stack.env.SETTLEMENT_FILES_DIR, 'archive', JOURNAL_ARCHIVE, 'gl', eur.fileName))).toEqual(bytes);
  });

  it('writes the same bytes again on a re-send (a restarted process too), and a later pass makes no new file', async () => {
    const first = journalStack(scratch.db.connection);
    for (const acquirerId of acquirers) await close(first, acquirerId);
    await first.worker.runOnce(NOW);
    const [, eur] = await filesOfDay(first);
    const bytes = delivered(eur);

    const restarted = journalStack(scratch.db.connection);
    await restarted.worker.runOnce(new Date('2026-12-03T00:05:00Z'));
    const outcome = await restarted.sender.resend(eur.id, new Date('2026-12-03T00:06:00Z'));

    expect(outcome).toMatchObject({ kind: 'sent', file: { id: eur.id, sequence: eur.sequence, attempts: 2, written: { sha256: sha256Of(bytes) } } });
    expect(delivered(eur)).toEqual(bytes);
    expect((await filesOfDay(restarted)).map((f) => f.id)).toHaveLength(2);
  });

  it('refuses a re-send whose bytes come out other than those recorded as sent, delivering nothing', async () => {
    const stack = journalStack(scratch.db.connection);
    for (const acquirerId of acquirers) await close(stack, acquirerId);
    await stack.worker.runOnce(NOW);
    const [, eur] = await filesOfDay(stack);
    await scratch.db.connection.execute(`UPDATE "journal_file" SET "sha256" = $2 WHERE "id" = $1::uuid`, [eur.id, '0'.repeat(64)]);

    const outcome = await stack.sender.resend(eur.id, NOW);

    expect(outcome).toMatchObject({ kind: 'mismatch', message: expect.stringContaining(`but ${'0'.repeat(64)} was sent; not delivered`) });
    expect(await stack.files.findById(eur.id)).toMatchObject({ attempts: 1, status: 'delivered' });
  });
});
