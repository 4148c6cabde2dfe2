import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { createDatabase, type Database } from '@payments/persistence';
import { freePort } from '@payments/testing';

/** A database of its own on the shared PostgreSQL server: the chaos run neither sees nor leaves other suites' rows. */
async function createScratchDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `agents_chaos_${randomBytes(6).toString('hex')}`;
  const admin = await createDatabase({ kind: 'postgres', url: serverUrl, schema: 'public', poolSize: 1 });
  try {
    await admin.connection.execute(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.close();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = await createDatabase({ kind: 'postgres', url: serverUrl, schema: 'public', poolSize: 1 });
      try {
        await again.connection.execute(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await again.close();
      }
    },
  };
}

function runToEnd(script: string, env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = createWriteStream(logFile);
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited with ${code}; see ${logFile}`))));
  });
}

/** The distributed agents-billing process (from dist/) on 127.0.0.1, its own database, killed and started again at will. */
export interface AgentsBillingProcess {
  readonly url: string;
  /** The service's database, for the checks (schema agents_billing). */
  readonly db: Database;
  /** SIGKILL: no shutdown hook runs, whatever was in flight is cut. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port and database; resolves when it answers ready. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startAgentsBillingProcess(options: { root: string; env: NodeJS.ProcessEnv; logDir: string }): Promise<AgentsBillingProcess> {
  mkdirSync(options.logDir, { recursive: true });
  const database = await createScratchDatabase(options.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...options.env, DATABASE_URL: database.url, PORT: String(port), HOST: '127.0.0.1' };
  delete env.OPERATOR_PORT;
  const dist = join(options.root, 'dist/apps/agents-billing/src');
  await runToEnd(join(dist, 'migrate.js'), env, join(options.logDir, 'agents-billing.migrate.log'));
  const db = await createDatabase({ kind: 'postgres', url: database.url, schema: 'agents_billing', poolSize: 2 });
  const log = createWriteStream(join(options.logDir, 'agents-billing.log'), { flags: 'a' });
  let child: ChildProcess | undefined;

  const gone = (c: ChildProcess | undefined) => !c || c.exitCode !== null || c.signalCode !== null;
  const kill = async (): Promise<void> => {
    const running = child;
    if (gone(running)) return;
    await new Promise<void>((resolve) => {
      running!.once('exit', () => resolve());
      running!.kill('SIGKILL');
    });
  };
  const start = async (): Promise<void> => {
    await kill();
    const started = spawn(process.execPath, [join(dist, 'main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    started.stdout.pipe(log, { end: false });
    started.stderr.pipe(log, { end: false });
    child = started;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (gone(started)) throw new Error(`agents-billing exited with ${started.exitCode ?? started.signalCode} while starting; see its log`);
      try {
        if ((await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(1_000) })).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`agents-billing was not ready at ${url}/health/ready within 60 s`);
  };
  const stop = async (): Promise<void> => {
    await kill();
    await db.close();
    await database.drop();
    log.end();
  };
  try {
    await start();
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, db, kill, start, stop };
}
