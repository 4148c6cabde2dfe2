import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
/** Generous: the first load of the swc native binary from a cold disk cache can take seconds. */
export const SPAWN_TIMEOUT_MS = 60_000;

export interface NpmCliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `npm run --silent cli -- ...args` from the repository root as the operator does. */
export function runNpmCli(args: readonly string[], stdin = ''): NpmCliResult {
  const { status, stdout, stderr } = spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], {
    cwd: REPO_ROOT,
    input: stdin,
    encoding: 'utf8',
    timeout: SPAWN_TIMEOUT_MS,
  });
  return { status, stdout, stderr };
}

/**
 * The same, without blocking the event loop, so a server in the spec's own process (an API the
 * command calls) can answer; `env` is added to this process's environment.
 */
export function runNpmCliAsync(args: readonly string[], env: NodeJS.ProcessEnv): Promise<NpmCliResult> {
  const child = spawn('npm', ['run', '--silent', 'cli', '--', ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, timeout: SPAWN_TIMEOUT_MS });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  child.stdin.end();
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** What the failure contract looks at: a real non-zero exit (not a timeout), stdout, and stderr's lines. */
export function failureOf(result: NpmCliResult): { nonZeroExit: boolean; stdout: string; stderrLines: string[] } {
  return {
    nonZeroExit: result.status !== null && result.status !== 0,
    stdout: result.stdout,
    stderrLines: result.stderr.split('\n').slice(0, -1),
  };
}
