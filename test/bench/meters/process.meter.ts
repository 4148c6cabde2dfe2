import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports CPU time in clock ticks of 1/100 s (`getconf CLK_TCK`). */
const TICK_MS = 10;

export interface ProcessRole {
  /** What the report calls it: a service, `postgres`, `kafka`, `redis`, `bench`. */
  readonly name: string;
  /** Which processes belong to it (every postgres backend, say). */
  readonly matches: (proc: { comm: string; cmdline: string; pid: number }) => boolean;
}

export interface CpuSample {
  /** CPU milliseconds (user + system) per role since the process started. */
  readonly cpuMs: Map<string, number>;
  /** The part of cpuMs spent in the kernel (system time: sockets, scheduling, files) per role. */
  readonly systemMs: Map<string, number>;
  /** Peak resident memory (VmHWM) per role in MiB: the largest of its processes. */
  readonly peakRssMiB: Map<string, number>;
  readonly at: number;
}

function readProc(pid: string): { comm: string; cmdline: string; cpuMs: number; systemMs: number; peakRssMiB: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm is in parentheses and may hold spaces: fields count from the last ')'.
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    const systemMs = Number(fields[12]) * TICK_MS; // stime (field 15 of stat)
    const cpuMs = Number(fields[11]) * TICK_MS + systemMs; // utime (field 14) + stime
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { comm, cmdline, cpuMs, systemMs, peakRssMiB: hwm ? Number(hwm[1]) / 1024 : 0 };
  } catch {
    return undefined; // the process ended while it was read
  }
}

/**
 * CPU time and peak memory per process role, from /proc (Linux): the benchmark samples it before
 * and after each load step and divides by the purchases made. Processes that come and go between
 * two samples (a PostgreSQL backend) are counted only while they live: a lower bound for them.
 */
export class ProcessMeter {
  constructor(private readonly roles: readonly ProcessRole[]) {}

  sample(): CpuSample {
    const cpuMs = new Map<string, number>(this.roles.map((r) => [r.name, 0]));
    const systemMs = new Map<string, number>(this.roles.map((r) => [r.name, 0]));
    const peakRssMiB = new Map<string, number>(this.roles.map((r) => [r.name, 0]));
    for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
      const proc = readProc(pid);
      if (!proc) continue;
      const role = this.roles.find((r) => r.matches({ ...proc, pid: Number(pid) }));
      if (!role) continue;
      cpuMs.set(role.name, (cpuMs.get(role.name) ?? 0) + proc.cpuMs);
      systemMs.set(role.name, (systemMs.get(role.name) ?? 0) + proc.systemMs);
      peakRssMiB.set(role.name, Math.max(peakRssMiB.get(role.name) ?? 0, proc.peakRssMiB));
    }
    return { cpuMs, systemMs, peakRssMiB, at: Date.now() };
  }

  /** CPU milliseconds each role spent between two samples. */
  static spent(before: CpuSample, after: CpuSample, of: 'cpuMs' | 'systemMs' = 'cpuMs'): Map<string, number> {
    return new Map([...after[of]].map(([name, ms]) => [name, Math.max(0, ms - (before[of].get(name) ?? 0))]));
  }
}

/**
 * The roles of a benchmark run: the platform's processes (found by their entry point under
 * `root`), the servers they use (the distributed mode), and the load generator itself.
 */
export function platformRoles(root: string, services: readonly string[], withServers: boolean): ProcessRole[] {
  const servers: ProcessRole[] = [
    { name: 'postgres', matches: ({ comm }) => comm === 'postgres' },
    { name: 'kafka', matches: ({ comm, cmdline }) => comm === 'java' && cmdline.includes('kafka.Kafka') },
    { name: 'redis', matches: ({ comm }) => comm === 'redis-server' },
  ];
  return [
    ...services.map((name) => ({ name, matches: ({ cmdline }: { cmdline: string }) => cmdline.includes(`${root}/dist/apps/${name}/src/main.js`) })),
    ...(withServers ? servers : []),
    { name: 'bench', matches: ({ pid }) => pid === process.pid },
  ];
}
