import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';

import { FLOOR_TOPIC } from './floor/floor-wire';
import { JsonPostClient } from './json-post.client';
import { DatabaseMeter } from './meters/database.meter';
import { ProcessMeter, ProcessRole } from './meters/process.meter';
import { reportCpu, reportDatabase, reportLatency, reportPeakMemory } from './meters/step.report';
import { runOpenLoop } from './open-loop.load';

/**
 * The stack floor: what a purchase costs on this machine with the platform's servers and
 * libraries (node:http, grpc-js with protobuf, pg, ioredis, kafkajs, PostgreSQL, Redis, Kafka)
 * when the purchase keeps its guarantees (idempotency record, pending journal row before the host,
 * outcome and event in one transaction, an outbox relay, a risk counter, a consumer writing
 * settlement lines) and does nothing else: no framework, validation, tracing, logging, card
 * cryptography or codec. Five small processes stand in for gateway, authorization, antifraud,
 * the acquirer host and settlement (floor/stack-floor.role.ts). The platform's own benchmark
 * (purchase.bench.ts) is measured against this floor: what is above it is the platform's code.
 *   node dist/test/bench/stack-floor.bench.js --rates 50,200,400 --duration 10
 * Needs the distributed mode's servers (scripts/infra/up.sh). Loopback only; bounded in count and time.
 */
const ROLES = ['host', 'risk', 'sink', 'core', 'edge'] as const;
const PORTS = { FLOOR_EDGE_PORT: '18480', FLOOR_CORE_PORT: '18481', FLOOR_RISK_PORT: '18482', FLOOR_HOST_PORT: '18483' };
const SCHEMA_SQL = `
DROP SCHEMA IF EXISTS stack_floor CASCADE;
CREATE SCHEMA stack_floor;
CREATE TABLE stack_floor.idempotency (key text PRIMARY KEY, response text, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE stack_floor.journal (id uuid PRIMARY KEY, terminal_id text NOT NULL, amount_minor bigint NOT NULL, currency text NOT NULL,
  status text NOT NULL, rrn text, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE stack_floor.outbox (id bigserial PRIMARY KEY, key text NOT NULL, payload text NOT NULL);
CREATE TABLE stack_floor.lines (id uuid PRIMARY KEY, amount_minor bigint NOT NULL);
`;

function startRole(role: string, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(__dirname, 'floor', 'stack-floor.role.js'), role], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stack floor: ${role} not ready within 60 s`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`stack floor: ${role} exited with ${code}`)));
  });
}

async function prepare(databaseUrl: string, brokers: string[]): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(SCHEMA_SQL);
  await db.end();
  const admin = new Kafka({ clientId: 'stack-floor-admin', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: FLOOR_TOPIC, numPartitions: 3 }], waitForLeaders: true });
  await admin.disconnect();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { rates: { type: 'string', default: '50,200,400' }, duration: { type: 'string', default: '10' }, registers: { type: 'string', default: '50' } },
  });
  const rates = values.rates.split(',').map(Number);
  if (rates.some((r) => !(r > 0 && r <= 5_000))) throw new Error('--rates: arrival rates between 1 and 5000 per second');
  const duration = Math.min(Math.max(Number(values.duration), 1), 60);
  const registers = Math.min(Math.max(Number(values.registers), 1), 1_000);
  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments';
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  await prepare(databaseUrl, brokers);

  const env = { ...process.env, ...PORTS, DATABASE_URL: databaseUrl, KAFKA_BROKERS: brokers.join(','), FLOOR_GROUP: `stack-floor-${randomUUID()}` };
  const children: ChildProcess[] = [];
  const roles: ProcessRole[] = [
    ...ROLES.map((role) => ({ name: role, matches: ({ cmdline }: { cmdline: string }) => cmdline.includes(`stack-floor.role.js ${role}`) })),
    { name: 'postgres', matches: ({ comm }) => comm === 'postgres' },
    { name: 'kafka', matches: ({ comm, cmdline }) => comm === 'java' && cmdline.includes('kafka.Kafka') },
    { name: 'redis', matches: ({ comm }) => comm === 'redis-server' },
  ];
  const meter = new ProcessMeter(roles);
  const database = await DatabaseMeter.open(databaseUrl);
  const client = new JsonPostClient(`http://127.0.0.1:${PORTS.FLOOR_EDGE_PORT}`);
  try {
    for (const role of ROLES) children.push(await startRole(role, env));
    const send = async (i: number): Promise<boolean | string> => {
      const register = i % registers;
      const response = await client.post(
        '/v1/purchases',
        { 'idempotency-key': randomUUID() },
        {
          operationId: randomUUID(),
          terminalId: `T${String(register).padStart(7, '0')}`,
          merchantId: 'M000000000001',
          amountMinor: 1_250,
          currency: 'EUR',
          cardToken: `tok_${register}`,
          pinBlock: '0'.repeat(16),
          ksn: '0'.repeat(20),
        },
        10_000,
      );
      return response.status === 200 && (response.body as { status?: string }).status === 'approved' ? true : `HTTP ${response.status}`;
    };
    await runOpenLoop(50, 4, send); // warm-up: JIT, pools, prepared statements, the consumer's fetch
    for (const rate of rates) {
      const [cpuBefore, dbBefore] = [meter.sample(), await database.sample()];
      const step = await runOpenLoop(rate, duration, send);
      await new Promise((r) => setTimeout(r, 1_000)); // the relay and the consumer finish the step's events
      const [cpuAfter, dbAfter] = [meter.sample(), await database.sample()];
      reportLatency('stack floor', step);
      reportCpu(ProcessMeter.spent(cpuBefore, cpuAfter), step.ok, ProcessMeter.spent(cpuBefore, cpuAfter, 'systemMs'));
      reportDatabase(dbBefore, dbAfter, step.ok);
    }
    reportPeakMemory(meter.sample().peakRssMiB);
  } finally {
    client.close();
    for (const child of children) child.kill('SIGTERM');
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
