import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { type FileContext, readLayoutRecords, SHIPPED_LAYOUT_NAMES, shippedLayout, writeLayoutFile } from '@payments/file-layout';

/**
 * Writes `--lines` generated settlement lines (1,000,000 by default, at most 5,000,000) to a file in
 * each shipped layout, then reads each file back with the trailer check, and prints lines per CPU
 * second of the whole process (GC included: steady when other work shares the machine) and per
 * wall-clock second, and the resident memory while doing so (sampled every 20 ms) to show that it
 * stays flat:
 *   npm run build && npm run bench:file-layout [-- --lines 1000000]
 * The files go to a temporary folder, removed at the end.
 */
const CONTEXT: FileContext = { businessDay: '2026-12-04', createdAt: new Date('2026-12-05T01:30:00Z'), sequence: 1, values: { acquirerId: 'ACQ01' } };
const SCHEMES = ['visa', 'mastercard', 'mir', 'unionpay'];
const CURRENCIES = ['978', '643', '840', '392'];

function* settlementLines(count: number) {
  const start = Date.UTC(2026, 11, 4);
  for (let i = 0; i < count; i += 1) {
    yield {
      terminalId: `T${String(i % 5_000).padStart(7, '0')}`,
      merchantId: `M${String(i % 800).padStart(14, '0')}`,
      transactionTime: new Date(start + (i % 86_400) * 1_000),
      maskedPan: `${400000 + (i % 99_999)}******${String(i % 10_000).padStart(4, '0')}`,
      amountMinor: BigInt((i * 7_919) % 2_500_000) - (i % 17 === 0 ? 3_000_000n : 0n),
      currency: CURRENCIES[i % CURRENCIES.length],
      operationType: i % 17 === 0 ? 'refund' : 'purchase',
      approvalCode: i % 17 === 0 ? '' : String(100_000 + (i % 900_000)),
      rrn: String(633_800_000_000 + i).padStart(12, '0'),
      stan: String(i % 1_000_000).padStart(6, '0'),
      scheme: SCHEMES[i % SCHEMES.length],
    };
  }
}

/** Peak resident set size since the process started (VmHWM), in MiB. */
function highWaterMib(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

async function measured(what: string, lines: number, run: () => Promise<unknown>): Promise<void> {
  global.gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  try {
    await run();
  } finally {
    clearInterval(sampler);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  peak = Math.max(peak, process.memoryUsage.rss());
  const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  console.log(
    `${what.padEnd(40)} ${Math.round(lines / cpuSeconds)
      .toLocaleString('en-US')
      .padStart(
        9,
      )} lines/CPU s (wall ${Math.round(lines / seconds).toLocaleString('en-US')}/s, ${seconds.toFixed(1)} s)  RSS ${mib(before)} -> peak ${mib(peak)} MiB`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { lines: { type: 'string', default: '1000000' } } });
  const lines = Number(values.lines);
  if (!Number.isInteger(lines) || lines < 1 || lines > 5_000_000) throw new Error('--lines: a whole number from 1 to 5,000,000');
  const dir = mkdtempSync(join(tmpdir(), 'file-layout-bench-'));
  console.log(`file layouts, ${lines.toLocaleString('en-US')} detail lines per file, node ${process.version}`);
  try {
    // The layouts whose details are settlement lines (the journal's are posting entries).
    for (const name of SHIPPED_LAYOUT_NAMES.filter((shipped) => shipped.startsWith('acquirer-transactions'))) {
      const layout = shippedLayout(name);
      const path = join(dir, name);
      let size = 0;
      await measured(`${name} write`, lines, async () => {
        size = (await writeLayoutFile(layout, CONTEXT, settlementLines(lines), createWriteStream(path))).byteLength;
      });
      await measured(`${name} read + check`, lines, async () => {
        let details = 0;
        for await (const record of readLayoutRecords(layout, createReadStream(path, { highWaterMark: 256 * 1024 }))) if (record.kind === 'detail') details += 1;
        if (details !== lines) throw new Error(`read ${details} details, wrote ${lines}`);
      });
      console.log(`${''.padEnd(40)} file ${(size / 1024 / 1024).toFixed(0)} MiB`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`peak RSS of the whole run (VmHWM): ${highWaterMib().toFixed(0)} MiB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
