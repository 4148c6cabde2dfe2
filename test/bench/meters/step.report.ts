import type { StepResult } from '../open-loop.load';
import type { DatabaseSample } from './database.meter';

const f = (n: number, digits = 1): string => n.toFixed(digits);

export function reportLatency(mode: string, r: StepResult): void {
  console.log(
    `${mode} rate ${r.targetRate}/s: achieved ${f(r.achievedRate)}/s, ${r.sent} sent, ${r.errors} errors, ` +
      `p50 ${f(r.p50)} ms, p95 ${f(r.p95)} ms, p99 ${f(r.p99)} ms, p99.9 ${f(r.p999)} ms, max ${f(r.max)} ms`,
  );
  for (const sample of r.errorSamples) console.log(`  error: ${sample}`);
}

/** CPU milliseconds each process spent per purchase in the step, and in all. */
/** `system`: the part of `spent` each process spent in the kernel (loopback TCP, wake-ups, files). */
export function reportCpu(spent: Map<string, number>, purchases: number, system?: Map<string, number>): void {
  const per = [...spent].map(([name, ms]) => `${name} ${f(ms / Math.max(purchases, 1), 2)}`);
  const total = [...spent.values()].reduce((a, b) => a + b, 0);
  const kernel = system ? [...system.values()].reduce((a, b) => a + b, 0) : undefined;
  const share = kernel === undefined || total === 0 ? '' : ` (${f((kernel / total) * 100)}% of it in the kernel)`;
  console.log(`  CPU ms per purchase: ${per.join(', ')}; all ${f(total / Math.max(purchases, 1), 2)}${share}`);
}

export function reportDatabase(before: DatabaseSample, after: DatabaseSample, purchases: number): void {
  const n = Math.max(purchases, 1);
  const statements = before.statements === undefined || after.statements === undefined ? 'n/a' : f((after.statements - before.statements) / n);
  console.log(`  PostgreSQL per purchase: ${statements} statements, ${f((after.commits - before.commits) / n)} commits`);
  if (!before.statementsBySchema || !after.statementsBySchema) return;
  const bySchema = [...after.statementsBySchema]
    .map(([schema, calls]) => [schema, (calls - (before.statementsBySchema?.get(schema) ?? 0)) / n] as const)
    .filter(([, perPurchase]) => perPurchase >= 0.05)
    .sort((a, b) => b[1] - a[1]);
  console.log(`  statements per purchase by schema: ${bySchema.map(([schema, perPurchase]) => `${schema} ${f(perPurchase)}`).join(', ')}`);
}

/** The process meter's name for the benchmark itself. */
const BENCH_PROCESS = 'bench';

/** Share of one core each process used while nothing was asked of the platform. */
export function reportIdle(spent: Map<string, number>, seconds: number): void {
  const pct = (ms: number): string => `${f((ms / (seconds * 1_000)) * 100, 2)}%`;
  const total = [...spent.values()].reduce((a, b) => a + b, 0);
  // The benchmark's own process (it samples the others) is not part of the platform at rest.
  const platform = total - (spent.get(BENCH_PROCESS) ?? 0);
  const shares = [...spent].map(([name, ms]) => `${name} ${pct(ms)}`).join(', ');
  console.log(`idle for ${seconds} s, share of one core: ${shares}; all ${pct(total)}, the platform without the bench ${pct(platform)}`);
}

export function reportPeakMemory(peakRssMiB: Map<string, number>): void {
  console.log(`peak RSS (MiB): ${[...peakRssMiB].map(([name, mib]) => `${name} ${f(mib, 0)}`).join(', ')}`);
}
