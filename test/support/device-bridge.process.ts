import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

import { freePort } from '@payments/testing';

import { repoRoot } from './repo-root.util';

/** The device bridge as its own process (run from its sources), so a test can kill it as a power cut would. */
export interface BridgeProcess {
  readonly url: string;
  readonly output: string[];
  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function startBridgeProcess(env: Record<string, string>, timeoutMs = 20_000): Promise<BridgeProcess> {
  const port = await freePort();
  const launcher = join(repoRoot(__dirname), 'apps/device-bridge/bin/device-bridge.launcher.js');
  const child = spawn(process.execPath, [launcher], {
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer): void => void output.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (!(await answers(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the bridge did not start: ${output.slice(-3).join(' | ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url, output, kill: () => ended(child, 'SIGKILL'), stop: () => ended(child, 'SIGTERM') };
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health/live`, { signal: AbortSignal.timeout(500) })).ok;
  } catch {
    return false;
  }
}

function ended(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
