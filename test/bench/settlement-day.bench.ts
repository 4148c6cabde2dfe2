import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { Client } from 'pg';

import { type SqlQueryRunner } from '@payments/persistence';
import { settlementDayStack, type SettlementDayStack } from '@payments/settlement-app';

import { ibanOf } from '../support/bank-statement.file';
import { type BenchDatabase, dropBenchDatabase, openBenchDatabase } from './settlement-day/bench-database';
import { type StageMemory, MemorySampler } from './settlement-day/memory.sampler';
import { checkAcquirerFile, checkJournalFile, checkPostings } from './settlement-day/output.checks';
import { copySettlementLines, MERCHANT_COUNT, merchantIdOf } from './settlement-day/settlement-lines.generator';

/**
 * One acquirer's business day of `--lines` settlement lines (1,000,000 by default) through the
 * platform's own code, on a database of its own on the real PostgreSQL (DATABASE_URL, dropped at
 * the end): the lines loaded with COPY (generated as they are sent), then the close of day (with
 * its postings), the acquirer's transaction file by the files' pass (CSV layout, folder delivery
 * behind the archive), the same batch in the fixed-width layout by the same writer, and the day's
 * journal-entry files by the journal pass, and the merchants' payouts (one pain.001 checked against
 * the XSD) by the payouts' pass. Each stage's wall time, lines per second and memory
 * (this process's RSS sampled every 100 ms; the backends' peak from /proc), the load average, and
 * the outputs checked: file lines = lines + header + trailer, trailer totals = the batch's,
 * postings and journal balanced.
 *   npm run build && npm run bench:settlement-day [-- --lines 1000000 --max-seconds 900 --keep]
 * A benchmark, not a timed test: it reports, and fails only when an output is wrong or it runs out of time.
 */
const ACQUIRER = 'acq-bench';
const DAY = '2026-12-01';
/** When the passes run: after the day's end at its cut-off (00:00 UTC). */
const AFTER_THE_DAY = new Date('2026-12-02T00:05:00Z');
/** The platform's accounts payouts are paid from, one per generated currency. */
const DEBTOR_ACCOUNTS = [
  { id: 'ops-eur', account: ibanOf('CZ', '08000000192000145399'), currency: 'EUR', format: 'camt053' },
  { id: 'ops-czk', account: ibanOf('CZ', '08000000192000145400'), currency: 'CZK', format: 'camt053' },
];
/** Every generated merchant has an account: nothing is held for want of one. */
const MERCHANT_ACCOUNTS = Object.fromEntries(
  Array.from({ length: MERCHANT_COUNT }, (_, i) => [
    merchantIdOf(i),
    { name: `Bench merchant ${i}`, iban: ibanOf('DE', `37040044${String(i).padStart(10, '0')}`) },
  ]),
);

interface StageResult {
  readonly name: string;
  readonly seconds: number;
  readonly lines: number;
  readonly memory: StageMemory;
}

function positive(value: string, name: string, max: number): number {
  const n = Number(value);
  if (!(Number.isInteger(n) && n > 0 && n <= max)) throw new Error(`--${name}: a whole number from 1 to ${max.toLocaleString('en-US')}`);
  return n;
}

const loads = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const mib = (n: number | undefined) => (n === undefined ? 'n/a' : n.toFixed(0));

function row(stage: StageResult): string {
  const rate = Math.round(stage.lines / stage.seconds).toLocaleString('en-US');
  const { startMiB, peakMiB, endMiB, postgresPeakMiB } = stage.memory;
  return `${stage.name.padEnd(44)} ${stage.seconds.toFixed(1).padStart(7)} s ${rate.padStart(11)} lines/s   RSS ${mib(startMiB)} -> peak ${mib(peakMiB)} -> ${mib(endMiB)} MiB   postgres backend peak ${mib(postgresPeakMiB)} MiB`;
}

/**
 * The payouts: one per merchant and currency, none held, their nets adding up to the batch's net
 * per currency (no fee rate, so net = gross), all in one delivered pain.001.
 */
async function checkPayouts(stack: SettlementDayStack, batch: { id: string; totals: readonly { currency: string; netMinor: bigint }[] }): Promise<string[]> {
  const problems: string[] = [];
  const payouts = (await stack.payouts.list({ businessDay: DAY }, 500)).filter((p) => p.batchId === batch.id);
  const [file] = await stack.payoutFiles.list({ businessDay: DAY }, 10);
  const held = payouts.filter((p) => p.status === 'held');
  if (held.length > 0) problems.push(`payouts held: ${held.map((p) => `${p.merchantId} ${p.currency} ${p.heldReason}`).join(', ')}`);
  if (file?.status !== 'delivered' || file.transactionCount !== payouts.length)
    problems.push(`the payout file is ${file?.status ?? 'missing'} with ${file?.transactionCount} of ${payouts.length} payouts: ${file?.lastError ?? ''}`);
  for (const currency of new Set(batch.totals.map((t) => t.currency))) {
    const batchNet = batch.totals.filter((t) => t.currency === currency).reduce((sum, t) => sum + t.netMinor, 0n);
    const paid = payouts.filter((p) => p.currency === currency).reduce((sum, p) => sum + p.netMinor, 0n);
    if (paid !== batchNet) problems.push(`payouts ${currency}: ${paid}, the batch nets ${batchNet}`);
  }
  console.log(`payouts: ${payouts.length} in ${file?.fileName} (${file?.written?.byteLength ?? 0} bytes)`);
  return problems;
}

async function runDay(
  bench: BenchDatabase,
  lines: number,
  outDir: string,
  monitor: Client,
): Promise<{ stages: StageResult[]; problems: string[]; postingsSeconds: number }> {
  const sampler = new MemorySampler(monitor, bench.name);
  const stages: StageResult[] = [];
  let postingsSeconds = 0;
  const stack = settlementDayStack(bench.db.connection, {
    filesDir: join(outDir, 'files'),
    acquirers: {
      [ACQUIRER]: {
        layout: 'acquirer-transactions-csv',
        values: { acquirerId: 'BENCH' },
        folder: '',
        delivery: { kind: 'folder', path: join(outDir, 'acquirer') },
      },
    },
    journal: {
      layout: 'journal-entries-csv',
      values: { ledgerId: 'BENCHGL' },
      folder: '',
      delivery: { kind: 'folder', path: join(outDir, 'gl') },
      acquirers: [ACQUIRER],
    },
    payouts: {
      payouts: {
        initiatingParty: 'Payments Platform',
        debtor: { name: 'Payments Platform s.r.o.' },
        accounts: { EUR: 'ops-eur', CZK: 'ops-czk' },
        folder: '',
        delivery: { kind: 'folder', path: join(outDir, 'bank') },
      },
      merchantAccounts: MERCHANT_ACCOUNTS,
      bankAccounts: DEBTOR_ACCOUNTS,
    },
    // The postings are booked inside the close's transaction: timed there.
    postings: (service) => {
      const book = service.book.bind(service);
      service.book = async (tx: SqlQueryRunner, batch, lineGroups) => {
        const started = process.hrtime.bigint();
        await book(tx, batch, lineGroups);
        postingsSeconds += Number(process.hrtime.bigint() - started) / 1e9;
      };
      return service;
    },
  });
  const stage = async <T>(name: string, count: number, run: () => Promise<T>): Promise<T> => {
    const started = process.hrtime.bigint();
    const { result, memory } = await sampler.stage(run);
    const done = { name, seconds: Number(process.hrtime.bigint() - started) / 1e9, lines: count, memory };
    stages.push(done);
    console.log(row(done));
    return result;
  };
  try {
    const copier = new Client({ connectionString: bench.url });
    await copier.connect();
    const generated = await stage('load: COPY', lines, () => copySettlementLines(copier, lines, ACQUIRER, DAY)).finally(() => copier.end());
    // What autovacuum does to a table that took a day of inserts, before the close reads it.
    await stage('load: ANALYZE', lines, () => bench.db.connection.exec('ANALYZE "settlement_line"'));

    const outcome = await stage('close of day (lines, totals, postings, event)', lines, () =>
      stack.closeDay.execute({ acquirerId: ACQUIRER, businessDay: DAY, now: AFTER_THE_DAY }),
    );
    if (outcome.kind !== 'closed') throw new Error(`the close gave ${outcome.kind}`);
    const batch = outcome.batch;
    await stage('acquirer file, CSV (files pass, folder)', lines, () => stack.filesWorker.runOnce(AFTER_THE_DAY));
    const fixed = await stage('acquirer file, fixed width (writer only)', lines, async () => {
      const { fileName, written } = stack.writeBatchFile(batch, 'acquirer-transactions-fixed', { acquirerId: 'BENCH' }, join(outDir, 'fixed.part'));
      return { fileName, written: await written };
    });
    await stage('journal-entry files (journal pass, folder)', lines, () => stack.journalWorker.runOnce(AFTER_THE_DAY));
    await stage('merchant payouts (payouts pass, pain.001, XSD)', lines, () => stack.payoutsWorker.runOnce(AFTER_THE_DAY));

    const problems: string[] = [];
    problems.push(...(await checkPayouts(stack, batch)));
    const [file] = await stack.files.list({ acquirerId: ACQUIRER }, 1);
    if (file?.status !== 'delivered') problems.push(`the acquirer file is ${file?.status ?? 'missing'}: ${file?.lastError ?? ''}`);
    const net = batch.totals.reduce((sum, t) => sum + t.netMinor, 0n);
    if (batch.lineCount !== lines) problems.push(`the batch has ${batch.lineCount} lines of ${lines}`);
    for (const [currency, sums] of generated.byCurrency) {
      const totals = batch.totals.filter((t) => t.currency === currency);
      const debit = totals.reduce((sum, t) => sum + t.debitMinor, 0n);
      const credit = totals.reduce((sum, t) => sum + t.creditMinor, 0n);
      if (debit !== sums.debitMinor || credit !== sums.creditMinor)
        problems.push(`batch ${currency}: ${debit}/${credit}, generated ${sums.debitMinor}/${sums.creditMinor}`);
    }
    const checked = await stage('checks: files read back, postings', lines, async () => {
      const csv = file ? await checkAcquirerFile('acquirer-transactions-csv', join(outDir, 'acquirer', file.fileName), lines, net) : [];
      const fixedWidth = await checkAcquirerFile('acquirer-transactions-fixed', join(outDir, 'fixed.part'), lines, net);
      const postings = await checkPostings(bench.db.connection, batch.id, lines);
      const journals = await stack.journalFiles.list({ businessDay: DAY }, 10);
      const journalChecks = await Promise.all(journals.map((j) => checkJournalFile(join(outDir, 'gl', j.fileName))));
      if (journals.length !== generated.byCurrency.size || journals.some((j) => j.status !== 'delivered'))
        problems.push(`journal files: ${journals.map((j) => `${j.currency} ${j.status} ${j.lastError ?? ''}`).join(', ')}`);
      return {
        problems: [...csv, ...fixedWidth, ...postings.problems, ...journalChecks.flatMap((j) => j.problems)],
        postings: postings.postings,
        journalChecks,
        journals,
      };
    });
    problems.push(...checked.problems);
    console.log(
      `lines: ${[...generated.byKind].map(([kind, n]) => `${kind} ${n.toLocaleString('en-US')}`).join(', ')}; ` +
        `currencies: ${[...generated.byCurrency].map(([c, s]) => `${c} ${s.lines.toLocaleString('en-US')}`).join(', ')}`,
    );
    console.log(
      `files: CSV ${file?.fileName} ${((file?.written?.byteLength ?? 0) / 2 ** 20).toFixed(0)} MiB, fixed ${fixed.fileName} ${(fixed.written.byteLength / 2 ** 20).toFixed(0)} MiB; ` +
        `postings ${checked.postings}; journal files ${checked.journals.map((j, i) => `${j.fileName} (${checked.journalChecks[i].entries} entries)`).join(', ')}`,
    );
    return { stages, problems, postingsSeconds };
  } finally {
    sampler.stop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { lines: { type: 'string', default: '1000000' }, 'max-seconds': { type: 'string', default: '900' }, keep: { type: 'boolean', default: false } },
  });
  const lines = positive(values.lines, 'lines', 5_000_000);
  const maxSeconds = positive(values['max-seconds'], 'max-seconds', 3_600);
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments';
  const loadBefore = loads();
  console.log(
    `settlement day: ${lines.toLocaleString('en-US')} lines of one acquirer and day, PostgreSQL at ${new URL(serverUrl).host}, node ${process.version}`,
  );
  console.log(`load average before: ${loadBefore}`);

  const outDir = mkdtempSync(join(tmpdir(), 'settlement-day-bench-'));
  const monitor = new Client({ connectionString: serverUrl });
  await monitor.connect();
  const bench = await openBenchDatabase(serverUrl, 4);
  // Bounded: past --max-seconds the database is dropped (its sessions ended) and the run fails.
  const watchdog = setTimeout(() => {
    console.error(`stopped after ${maxSeconds} s`);
    void dropBenchDatabase(serverUrl, bench.name).finally(() => process.exit(1));
  }, maxSeconds * 1_000);
  watchdog.unref();
  try {
    const { stages, problems, postingsSeconds } = await runDay(bench, lines, outDir, monitor);
    const seconds = (names: (name: string) => boolean) => stages.filter((s) => names(s.name)).reduce((sum, s) => sum + s.seconds, 0);
    const load = seconds((n) => n.startsWith('load'));
    const day = seconds((n) => !n.startsWith('load') && !n.startsWith('checks'));
    const loadAfter = loads();
    console.log(`postings (inside the close): ${postingsSeconds.toFixed(1)} s`);
    console.log(
      `total: the day ${day.toFixed(1)} s (${Math.round(lines / day).toLocaleString('en-US')} lines/s), with the load ${(day + load).toFixed(1)} s; target <= 60 s for the day`,
    );
    const bench99 = Math.max(...stages.map((s) => s.memory.peakMiB));
    const postgresPeak =
      stages.map((s) => s.memory.postgresPeakMiB).find((p) => p !== undefined) === undefined
        ? undefined
        : Math.max(...stages.map((s) => s.memory.postgresPeakMiB ?? 0));
    console.log(
      `peak RSS: bench ${mib(bench99)} MiB, postgres backend ${postgresPeak === undefined ? 'not readable (/proc of the server not reachable)' : `${mib(postgresPeak)} MiB (VmHWM, shared buffers touched included)`}`,
    );
    console.log(`load average after: ${loadAfter}`);
    console.log(
      `outputs: ${problems.length === 0 ? 'checked (file lines, trailer totals = batch totals, postings and journal balanced)' : problems.join('; ')}`,
    );
    console.log(
      JSON.stringify({
        bench: 'settlement-day',
        lines,
        daySeconds: +day.toFixed(2),
        loadSeconds: +load.toFixed(2),
        postingsSeconds: +postingsSeconds.toFixed(2),
        linesPerSecond: Math.round(lines / day),
        stages: stages.map((s) => ({ name: s.name, seconds: +s.seconds.toFixed(2), ...s.memory })),
        peakRssMiB: Math.round(bench99),
        postgresPeakRssMiB: postgresPeak === undefined ? null : Math.round(postgresPeak),
        loadAverage: { before: loadBefore, after: loadAfter },
        ok: problems.length === 0,
      }),
    );
    if (problems.length > 0) process.exitCode = 1;
  } finally {
    clearTimeout(watchdog);
    // --keep: the loaded and closed day stays, to EXPLAIN the statements on it (drop it by hand then).
    if (values.keep) {
      await bench.db.close();
      console.log(`database kept: ${bench.name}`);
    } else await bench.drop();
    await monitor.end();
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
