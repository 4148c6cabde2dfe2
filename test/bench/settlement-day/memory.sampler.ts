import { readFileSync } from 'node:fs';

import type { Client } from 'pg';

const MiB = 1024 * 1024;

/** Resident memory of one stage: at its start, its peak, at its end (MiB), and the backends' peak. */
export interface StageMemory {
  readonly startMiB: number;
  readonly peakMiB: number;
  readonly endMiB: number;
  /** The largest VmHWM of the bench database's PostgreSQL backends seen by the stage's end (MiB); undefined when unreadable. */
  readonly postgresPeakMiB: number | undefined;
}

/** VmHWM (peak resident set) of a process in MiB, or undefined when /proc does not show it (another host, another user). */
function peakRssMiB(pid: number): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Samples this process's RSS every 100 ms (peak and trend per stage), and the peak resident memory
 * of the PostgreSQL backends serving the bench database (pg_stat_activity, then /proc/<pid>/status,
 * when the server runs on this machine). A backend's RSS counts the shared buffers it touched.
 */
export class MemorySampler {
  private peak = 0;
  private readonly timer: NodeJS.Timeout;
  private readonly backendPeaks = new Map<number, number>();
  private backendsReadable = false;

  constructor(
    private readonly monitor: Client,
    private readonly database: string,
  ) {
    this.timer = setInterval(() => (this.peak = Math.max(this.peak, process.memoryUsage.rss())), 100);
    this.timer.unref();
  }

  /** Runs one stage and returns its result with its memory. */
  async stage<T>(run: () => Promise<T>): Promise<{ result: T; memory: StageMemory }> {
    const startMiB = process.memoryUsage.rss() / MiB;
    this.peak = process.memoryUsage.rss();
    // The backends that serve the stage: read again during it, as parallel workers come and go.
    const backends = setInterval(() => void this.readBackends(), 1_000);
    try {
      const result = await run();
      await this.readBackends();
      const endMiB = process.memoryUsage.rss() / MiB;
      const peakMiB = Math.max(this.peak, process.memoryUsage.rss()) / MiB;
      return { result, memory: { startMiB, peakMiB, endMiB, postgresPeakMiB: this.postgresPeakMiB() } };
    } finally {
      clearInterval(backends);
    }
  }

  postgresPeakMiB(): number | undefined {
    return this.backendsReadable ? Math.max(...this.backendPeaks.values()) : undefined;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async readBackends(): Promise<void> {
    const { rows } = await this.monitor
      .query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [this.database])
      .catch(() => ({ rows: [] as { pid: number }[] }));
    for (const { pid } of rows) {
      const peak = peakRssMiB(pid);
      if (peak === undefined) continue;
      this.backendsReadable = true;
      this.backendPeaks.set(pid, Math.max(this.backendPeaks.get(pid) ?? 0, peak));
    }
  }
}
