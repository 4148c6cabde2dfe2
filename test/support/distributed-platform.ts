import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';

/** The seven services, each its own process, as the Helm chart runs them. */
export const SERVICES = [
  { name: 'gateway', port: 3000, grpcPort: 50051, database: true },
  { name: 'authorization', port: 3001, internalGrpcPort: 50061, database: true },
  { name: 'antifraud', port: 3002, internalGrpcPort: 50062, database: true },
  { name: 'settlement', port: 3003, database: true },
  { name: 'agents-billing', port: 3004, database: true },
  { name: 'qr-merchant', port: 3005, database: true },
  { name: 'device-bridge', port: 3006, database: false },
] as const;

/** The gateway's operator listener (its metrics): registers reach its PORT, operators this one. */
export const GATEWAY_OPERATOR_PORT = 3010;

export interface DistributedPlatform {
  readonly gatewayUrl: string;
  /** host:port of the gateway's gRPC API. */
  readonly gatewayGrpcAddress: string;
  readonly urls: Record<string, string>;
  /** The gateway's operator listener (metrics). The other services' ports are internal: they serve their operator routes on PORT. */
  readonly gatewayOperatorUrl: string;
  /** SIGKILL one service's process (a crash: no shutdown hooks run). */
  kill(name: ServiceName): Promise<void>;
  /** Starts a killed or stopped service again and waits until it is ready. */
  restart(name: ServiceName): Promise<void>;
  stop(): Promise<void>;
}

export type ServiceName = (typeof SERVICES)[number]['name'];

export interface DistributedOptions {
  /** Repository root (holds dist/). */
  readonly root: string;
  readonly env: NodeJS.ProcessEnv;
  readonly logDir: string;
  /** Added to every default port, so a test run does not collide with a developer's. */
  readonly portOffset?: number;
  readonly readyTimeoutMs?: number;
}

/** Applies each service's migrations (the Helm migration Job), then starts the seven processes and waits until each is ready. */
export async function startDistributedPlatform(options: DistributedOptions): Promise<DistributedPlatform> {
  mkdirSync(options.logDir, { recursive: true });
  const offset = options.portOffset ?? 0;
  for (const service of SERVICES.filter((s) => s.database)) {
    await runToEnd(join(options.root, 'dist/apps', service.name, 'src/migrate.js'), options.env, join(options.logDir, `${service.name}.migrate.log`));
  }
  const urls: Record<string, string> = {};
  const internalGrpc = internalGrpcEnv(offset);
  // TLS between the services (TLS_* in env): every HTTP port serves HTTPS but the gateway's register port (GATEWAY_REGISTER_TLS).
  const caPem = options.env.TLS_CA_FILE ? readFileSync(options.env.TLS_CA_FILE, 'utf8') : undefined;
  const schemeOf = (name: ServiceName): string => (caPem && (name !== 'gateway' || options.env.GATEWAY_REGISTER_TLS === 'on') ? 'https' : 'http');
  const children = new Map<ServiceName, ChildProcess>();
  const launch = (service: (typeof SERVICES)[number]): void => {
    const port = service.port + offset;
    urls[service.name] = `${schemeOf(service.name)}://127.0.0.1:${port}`;
    const log = createWriteStream(join(options.logDir, `${service.name}.log`), { flags: 'a' });
    // OPERATOR_PORT is the gateway's alone here: another service given one would move its journal or totals off PORT.
    const serviceEnv: NodeJS.ProcessEnv = { ...options.env };
    delete serviceEnv.OPERATOR_PORT;
    // The gateway's operator port serves the console, and forwards its journal, PIN pad and settlement calls.
    const operator =
      service.name === 'gateway'
        ? {
            OPERATOR_PORT: String(GATEWAY_OPERATOR_PORT + offset),
            GATEWAY_OPERATOR_PROXY_AUTHORIZATION_URL: `${schemeOf('authorization')}://127.0.0.1:${SERVICES[1].port + offset}`,
            GATEWAY_OPERATOR_PROXY_SETTLEMENT_URL: `${schemeOf('settlement')}://127.0.0.1:${SERVICES[3].port + offset}`,
          }
        : {};
    const grpc = 'grpcPort' in service ? { GATEWAY_GRPC_HOST: '127.0.0.1', GATEWAY_GRPC_PORT: String(service.grpcPort + offset) } : {};
    // DISTRIBUTED_NODE_ARGS: node flags for every service, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile a benchmark run.
    const nodeArgs = (options.env.DISTRIBUTED_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
    const child = spawn(process.execPath, [...nodeArgs, join(options.root, 'dist/apps', service.name, 'src/main.js')], {
      env: {
        ...serviceEnv,
        PORT: String(port),
        HOST: '127.0.0.1',
        DEVICE_BRIDGE_GATEWAY_URL: `${schemeOf('gateway')}://127.0.0.1:${SERVICES[0].port + offset}`,
        ...internalGrpc,
        ...grpc,
        ...operator,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    children.set(service.name, child);
  };
  for (const service of SERVICES) launch(service);
  const stop = async (): Promise<void> => {
    await Promise.all([...children.values()].map((child) => terminate(child)));
  };
  const kill = async (name: ServiceName): Promise<void> => {
    const child = children.get(name);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  };
  const restart = async (name: ServiceName): Promise<void> => {
    await kill(name);
    launch(SERVICES.find((s) => s.name === name)!);
    await waitReady(name, urls[name], [children.get(name)!], options.readyTimeoutMs ?? 60_000, caPem);
  };
  try {
    await Promise.all(SERVICES.map((s) => waitReady(s.name, urls[s.name], [...children.values()], options.readyTimeoutMs ?? 60_000, caPem)));
  } catch (error) {
    await stop();
    throw error;
  }
  const gatewayOperatorUrl = `${caPem ? 'https' : 'http'}://127.0.0.1:${GATEWAY_OPERATOR_PORT + offset}`;
  return { gatewayUrl: urls.gateway, gatewayGrpcAddress: `127.0.0.1:${SERVICES[0].grpcPort + offset}`, urls, gatewayOperatorUrl, kill, restart, stop };
}

/** The synchronous path between the processes: gateway -> authorization -> antifraud over gRPC, offset like every port. */
export function internalGrpcEnv(offset: number): Record<string, string> {
  const authorization = SERVICES[1].internalGrpcPort + offset;
  const antifraud = SERVICES[2].internalGrpcPort + offset;
  return {
    GATEWAY_AUTHORIZATION_GRPC_URL: `127.0.0.1:${authorization}`,
    AUTHORIZATION_GRPC_PORT: String(authorization),
    AUTHORIZATION_ANTIFRAUD_GRPC_URL: `127.0.0.1:${antifraud}`,
    ANTIFRAUD_GRPC_PORT: String(antifraud),
  };
}

function runToEnd(script: string, env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(logFile);
    const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited with ${code}; see ${logFile}`))));
  });
}

async function waitReady(name: string, url: string, children: ChildProcess[], timeoutMs: number, caPem?: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const exited = children.find((c) => c.exitCode !== null || c.signalCode !== null);
    if (exited) throw new Error(`a service process exited with ${exited.exitCode} while ${name} was starting; see its log`);
    try {
      if (url.startsWith('https:')) {
        if ((await httpsGet(`${url}/health/ready`, caPem)).status === 200) return;
      } else {
        const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(1_000) });
        if (response.ok) return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} was not ready at ${url}/health/ready within ${timeoutMs} ms`);
}

/** A GET over HTTPS, the server checked against `caPem` (fetch cannot be given a CA): status and body. */
export function httpsGet(url: string, caPem?: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { ca: caPem, headers, agent: false, timeout: 5_000 }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
}

function terminate(child: ChildProcess): Promise<void> {
  // A child killed by a signal (kill() without a restart) has no exit code, only its signal.
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
