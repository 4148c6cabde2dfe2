import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { stringify } from 'csv-stringify/sync';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';

/** One finished request: when it finished (seconds since the run began), its latency, its arrival rate step. */
export interface LatencyPoint {
  readonly atS: number;
  readonly ms: number;
  readonly rate: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** p50 and p99 of each second of the run: what the chart draws. */
export function latencyPerSecond(points: readonly LatencyPoint[]): { second: number; percentile: string; ms: number; rate: number }[] {
  const bySecond = new Map<number, { rate: number; ms: number[] }>();
  for (const point of points) {
    const second = Math.floor(point.atS);
    const bucket = bySecond.get(second) ?? { rate: point.rate, ms: [] };
    bucket.ms.push(point.ms);
    bySecond.set(second, bucket);
  }
  return [...bySecond.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([second, { rate, ms }]) => {
      const sorted = ms.sort((a, b) => a - b);
      return ['p50', 'p99'].map((name) => ({ second, percentile: name, ms: percentile(sorted, Number(name.slice(1))), rate }));
    });
}

/** Writes the latency-over-time chart of a run as SVG (Vega-Lite, rendered without a browser). */
export async function writeLatencyChart(file: string, title: string, points: readonly LatencyPoint[]): Promise<void> {
  const { spec } = vegaLite.compile({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title,
    width: 900,
    height: 320,
    data: { values: latencyPerSecond(points) },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'second', type: 'quantitative', title: 'seconds since the load began' },
      y: { field: 'ms', type: 'quantitative', title: 'latency (ms, log scale)', scale: { type: 'log' } },
      color: { field: 'percentile', type: 'nominal' },
      tooltip: [{ field: 'rate', title: 'arrival rate /s' }],
    },
  });
  const svg = await new vega.View(vega.parse(spec), { renderer: 'none' }).toSVG();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, svg);
}

/** The chart's numbers as CSV (second, arrival rate, p50 ms, p99 ms, purchases finished), for a reader without an SVG viewer. */
export function writeLatencyTable(file: string, points: readonly LatencyPoint[]): void {
  const rows = new Map<number, { rate: number; p50?: number; p99?: number }>();
  for (const { second, percentile, ms, rate } of latencyPerSecond(points)) {
    const row = rows.get(second) ?? { rate };
    row[percentile === 'p50' ? 'p50' : 'p99'] = Math.round(ms * 10) / 10;
    rows.set(second, row);
  }
  const finished = new Map<number, number>();
  for (const point of points) finished.set(Math.floor(point.atS), (finished.get(Math.floor(point.atS)) ?? 0) + 1);
  const records = [...rows].map(([second, row]) => [second, row.rate, row.p50, row.p99, finished.get(second) ?? 0]);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, stringify(records, { header: true, columns: ['second', 'rate', 'p50_ms', 'p99_ms', 'finished'] }));
}
