import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { openPinPadOverSerial } from '@payments/pinpad';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
const LAUNCHER = join(REPO_ROOT, 'apps', 'cli', 'bin', 'cli.launcher.js');

/**
 * `pinpad simulate --pty` as a real process with a real pty and a real signal. It runs the script
 * `npm run cli` runs (the launcher), so the signal reaches the CLI itself and not npm (which dies of it).
 */
describe('cli pinpad simulate --pty', () => {
  it('prints the pty the bridge opens, serves it, and on SIGTERM stops socat and exits 0', async () => {
    const child = spawn('node', [LAUNCHER, 'pinpad', 'simulate', '--pty', '--serial-number', 'SIM-PTY-1'], { cwd: REPO_ROOT });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no line within 15 s; stderr: ${stderr}`)), 15_000);
      child.stdout.setEncoding('utf8').on('data', (text: string) => {
        stdout += text;
        if (stdout.includes('\n')) {
          clearTimeout(timer);
          resolve(stdout);
        }
      });
    });
    try {
      expect(line).toMatch(/^\{"transport":"pty","path":"\/dev\/pts\/\d+"\}\n$/);
      const { path } = JSON.parse(line) as { path: string };
      const pad = await openPinPadOverSerial(path);
      await expect(pad.deviceInfo()).resolves.toMatchObject({ serialNumber: 'SIM-PTY-1' });
      await expect(pad.display(['HELLO'])).resolves.toEqual({ command: 'display' });
      pad.close();
      child.kill('SIGTERM');
      await expect(exited).resolves.toBe(0);
      expect(existsSync(path)).toBe(false);
      expect(stderr).toBe('');
    } finally {
      child.kill('SIGKILL');
    }
  }, 30_000);
});
