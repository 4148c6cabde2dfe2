import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { freePort } from '@payments/testing';

import { repoRoot } from './repo-root.util';

/** One more gateway process from dist/ (a backup over the same database), which a test can kill as a crash would. */
export interface GatewayProcess {
  readonly url: string;
  /** SIGKILL: no shutdown hook runs. */
  kill(): Promise<void>;
  /** SIGTERM, SIGKILL 10 s later if it has not exited. */
  stop(): Promise<void>;
}

/**
 * `env`: the platform's (database, broker, internal gRPC addresses); its own ports are free ones.
 * Ready once `/health/live` answers: `/health/ready` may wait on what a test made unreachable.
 */
export async function startGatewayProcess(env: NodeJS.ProcessEnv, logDir: string, name: string, timeoutMs = 60_000): Promise<GatewayProcess> {
  mkdirSync(logDir, { recursive: true });
  const [port, grpcPort, operatorPort] = [await freePort(), await freePort(), await freePort()];
  const child = spawn(process.execPath, [join(repoRoot(), 'dist/apps/gateway/src/main.js')], {
    env: {
      ...env,
      HOST: '127.0.0.1',
      PORT: String(port),
      GATEWAY_GRPC_HOST: '127.0.0.1',
      GATEWAY_GRPC_PORT: String(grpcPort),
      OPERATOR_PORT: String(operatorPort),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (!(await answers(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`gateway ${name} did not start; see ${name}.log`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, kill: () => ended(child, 'SIGKILL'), stop: () => ended(child, 'SIGTERM', 10_000) };
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health/live`, { signal: AbortSignal.timeout(1_000) })).ok;
  } catch {
    return false;
  }
}

/** `killAfterMs`: a process that has not exited by then is killed (a shutdown that hangs must not hang the suite). */
function ended(child: ChildProcess, signal: NodeJS.Signals, killAfterMs?: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill(signal);
  });
}
