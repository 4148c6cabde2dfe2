import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Two connected pseudo-terminals made by socat: a serial cable in software. */
export interface PtyPair {
  /** Real /dev/pts paths of both ends. */
  readonly ends: readonly [string, string];
  /** Kills socat: both ends go away, as when the cable is pulled. */
  close(): Promise<void>;
}

/** `socat -d -d pty,raw,echo=0,link=a pty,raw,echo=0,link=b`, waiting (bounded) until both links exist. */
export async function openPtyPair(timeoutMs = 3_000): Promise<PtyPair> {
  const dir = mkdtempSync(join(tmpdir(), 'pinpad-pty-'));
  const links = [join(dir, 'a'), join(dir, 'b')] as const;
  const socat = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${links[0]}`, `pty,raw,echo=0,link=${links[1]}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  socat.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const close = async (): Promise<void> => {
    await stop(socat);
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (!links.every((link) => existsSync(link))) {
    if (socat.exitCode !== null || socat.signalCode !== null || Date.now() > deadline) {
      await close();
      throw new Error(`socat made no pty pair within ${timeoutMs} ms: ${stderr.trim().split('\n').pop() ?? 'no output (is socat installed?)'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { ends: [realpathSync(links[0]), realpathSync(links[1])], close };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 1_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
