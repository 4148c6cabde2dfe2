import { createServer as createHttpServer, IncomingMessage, ServerResponse } from 'node:http';
import { connect, createServer as createTcpServer, Socket } from 'node:net';

import * as grpc from '@grpc/grpc-js';
import Redis from 'ioredis';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { Pool } from 'pg';

import { FrameDecoder } from '@payments/iso8583';

import { AuthorizeReply, AuthorizeRequest, FLOOR_TOPIC, floorServices, hostFrame, RiskReply, RiskRequest, unary } from './floor-wire';

/**
 * One process of the stack floor (see stack-floor.bench.ts): the least a purchase must cost on
 * the platform's stack when its guarantees are kept and nothing else is done. Roles:
 *   edge  HTTP for the register: idempotency record before, response after (2 commits), gRPC to core
 *   core  gRPC: pending journal row (commit), gRPC to risk, the host over TCP (matched by STAN),
 *         outcome + outbox row (one transaction), and the relay (delete the rows, produce to Kafka)
 *   risk  gRPC: one Redis script call (a velocity counter)
 *   host  TCP: answers each framed message
 *   sink  Kafka consumer: one multi-row insert per batch (settlement)
 * Ports and servers come from the environment the benchmark sets. Loopback only.
 */
const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`stack floor: ${name} is not set`);
  return value;
};
const LOOPBACK = '127.0.0.1';
const SCHEMA = 'stack_floor';

function pool(size: number): Pool {
  return new Pool({ connectionString: env('DATABASE_URL'), max: size });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function edge(): Promise<void> {
  const db = pool(10);
  const { Core } = floorServices();
  const core = new Core(`${LOOPBACK}:${env('FLOOR_CORE_PORT')}`, grpc.credentials.createInsecure());
  const server = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const body = JSON.parse(await readBody(req)) as Omit<AuthorizeRequest, 'idempotencyKey'>;
      const key = String(req.headers['idempotency-key']);
      const opened = await db.query({
        name: 'idem_open',
        text: `INSERT INTO ${SCHEMA}.idempotency (key) VALUES ($1) ON CONFLICT DO NOTHING RETURNING key`,
        values: [key],
      });
      if (opened.rowCount === 0) {
        res.writeHead(409).end();
        return;
      }
      const reply = await unary<AuthorizeRequest, AuthorizeReply>(core, 'Authorize', { ...body, idempotencyKey: key }, 5_000);
      const text = JSON.stringify(reply);
      await db.query({ name: 'idem_close', text: `UPDATE ${SCHEMA}.idempotency SET response = $2 WHERE key = $1`, values: [key, text] });
      res.writeHead(200, { 'content-type': 'application/json' }).end(text);
    })().catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(Number(env('FLOOR_EDGE_PORT')), LOOPBACK, r));
}

class HostLink {
  private readonly waiting = new Map<string, (frame: Buffer) => void>();
  private stan = 0;
  private constructor(private readonly socket: Socket) {
    const decoder = new FrameDecoder('binary2');
    socket.on('data', (chunk: Buffer) => {
      for (const message of decoder.push(chunk)) {
        const key = message.toString('latin1', 0, 6);
        this.waiting.get(key)?.(message);
        this.waiting.delete(key);
      }
    });
  }

  static open(port: number): Promise<HostLink> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, LOOPBACK, () => resolve(new HostLink(socket)));
      socket.setNoDelay(true);
      socket.once('error', reject);
    });
  }

  exchange(): Promise<Buffer> {
    this.stan = (this.stan % 999_999) + 1;
    const frame = hostFrame(this.stan);
    return new Promise((resolve) => {
      this.waiting.set(frame.toString('latin1', 2, 8), resolve);
      this.socket.write(frame);
    });
  }
}

async function core(): Promise<void> {
  const db = pool(10);
  const { Core, Risk } = floorServices();
  const risk = new Risk(`${LOOPBACK}:${env('FLOOR_RISK_PORT')}`, grpc.credentials.createInsecure());
  const host = await HostLink.open(Number(env('FLOOR_HOST_PORT')));
  const kafka = new Kafka({ clientId: 'stack-floor-core', brokers: env('KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();

  // The relay: woken by each commit, one transaction deletes the waiting rows and publishes them.
  let running = false;
  let again = false;
  const relay = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const client = await db.connect();
    try {
      do {
        again = false;
        await client.query('BEGIN');
        const rows = await client.query<{ key: string; payload: string }>({
          name: 'relay_take',
          text: `DELETE FROM ${SCHEMA}.outbox WHERE id IN (SELECT id FROM ${SCHEMA}.outbox ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED) RETURNING key, payload`,
        });
        if (rows.rowCount) await producer.send({ topic: FLOOR_TOPIC, acks: -1, messages: rows.rows.map((r) => ({ key: r.key, value: r.payload })) });
        await client.query('COMMIT');
      } while (again);
    } finally {
      client.release();
      running = false;
    }
  };

  const server = new grpc.Server();
  server.addService(Core.service, {
    Authorize: (call: grpc.ServerUnaryCall<AuthorizeRequest, AuthorizeReply>, callback: grpc.sendUnaryData<AuthorizeReply>) => {
      void (async () => {
        const r = call.request;
        await db.query({
          name: 'journal_open',
          text: `INSERT INTO ${SCHEMA}.journal (id, terminal_id, amount_minor, currency, status) VALUES ($1, $2, $3, $4, 'pending')`,
          values: [r.operationId, r.terminalId, r.amountMinor, r.currency],
        });
        const decision = await unary<RiskRequest, RiskReply>(
          risk,
          'Decide',
          { operationId: r.operationId, cardToken: r.cardToken, amountMinor: r.amountMinor, currency: r.currency, merchantId: r.merchantId },
          1_000,
        );
        const answer = decision.decision === 'allow' ? await host.exchange() : undefined;
        const rrn = answer ? answer.toString('latin1', 0, 6).padStart(12, '0') : '';
        const status = answer ? 'approved' : 'declined';
        const client = await db.connect();
        try {
          await client.query('BEGIN');
          await client.query({
            name: 'journal_close',
            text: `UPDATE ${SCHEMA}.journal SET status = $2, rrn = $3 WHERE id = $1`,
            values: [r.operationId, status, rrn],
          });
          await client.query({
            name: 'outbox_add',
            text: `INSERT INTO ${SCHEMA}.outbox (key, payload) VALUES ($1, $2)`,
            values: [
              r.terminalId,
              JSON.stringify({ operationId: r.operationId, terminalId: r.terminalId, amountMinor: r.amountMinor, currency: r.currency, status, rrn }),
            ],
          });
          await client.query('COMMIT');
        } finally {
          client.release();
        }
        void relay();
        return { operationId: r.operationId, status, responseCode: answer ? '00' : '05', approvalCode: answer ? '123456' : '', rrn };
      })().then(
        (reply) => callback(null, reply),
        (error: Error) => callback({ code: grpc.status.INTERNAL, details: error.message }, null),
      );
    },
  });
  await bind(server, Number(env('FLOOR_CORE_PORT')));
}

async function risk(): Promise<void> {
  const redis = new Redis(env('REDIS_URL'), { enableAutoPipelining: true });
  redis.defineCommand('velocity', {
    numberOfKeys: 1,
    lua: "local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end return n",
  });
  const { Risk } = floorServices();
  const server = new grpc.Server();
  server.addService(Risk.service, {
    Decide: (call: grpc.ServerUnaryCall<RiskRequest, RiskReply>, callback: grpc.sendUnaryData<RiskReply>) => {
      const counter = (redis as unknown as { velocity: (key: string, ttl: number) => Promise<number> }).velocity(
        `stack-floor:velocity:${call.request.cardToken}`,
        3_600,
      );
      counter.then(
        (n) => callback(null, { decision: n <= 1_000_000 ? 'allow' : 'decline', score: Math.min(n, 100) }),
        (error: Error) => callback({ code: grpc.status.UNAVAILABLE, details: error.message }, null),
      );
    },
  });
  await bind(server, Number(env('FLOOR_RISK_PORT')));
}

async function acquirerHost(): Promise<void> {
  const server = createTcpServer((socket) => {
    socket.setNoDelay(true);
    const decoder = new FrameDecoder('binary2');
    socket.on('data', (chunk: Buffer) => {
      for (const message of decoder.push(chunk)) {
        const frame = Buffer.allocUnsafe(2 + message.length);
        frame.writeUInt16BE(message.length, 0);
        message.copy(frame, 2);
        socket.write(frame);
      }
    });
  });
  await new Promise<void>((r) => server.listen(Number(env('FLOOR_HOST_PORT')), LOOPBACK, r));
}

async function sink(): Promise<void> {
  const db = pool(2);
  const kafka = new Kafka({ clientId: 'stack-floor-sink', brokers: env('KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: env('FLOOR_GROUP'), heartbeatInterval: 3_000, maxWaitTimeInMs: 3_000 });
  await consumer.connect();
  await consumer.subscribe({ topic: FLOOR_TOPIC, fromBeginning: false });
  // Ready once the group has its partitions (the join comes before run() returns): no batch is missed.
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const events = batch.messages.map((m) => JSON.parse(m.value?.toString('utf8') ?? '{}') as { operationId: string; amountMinor: number });
      await db.query({
        name: 'lines_add',
        text: `INSERT INTO ${SCHEMA}.lines (id, amount_minor) SELECT * FROM unnest($1::uuid[], $2::bigint[]) ON CONFLICT DO NOTHING`,
        values: [events.map((e) => e.operationId), events.map((e) => e.amountMinor)],
      });
    },
  });
  await joined;
}

function bind(server: grpc.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) =>
    server.bindAsync(`${LOOPBACK}:${port}`, grpc.ServerCredentials.createInsecure(), (error) => (error ? reject(error) : resolve())),
  );
}

const ROLES: Record<string, () => Promise<void>> = { edge, core, risk, host: acquirerHost, sink };

const role = process.argv[2] ?? '';
const start = ROLES[role];
if (!start) throw new Error(`stack floor: unknown role "${role}" (one of ${Object.keys(ROLES).join(', ')})`);
start().then(
  () => process.stdout.write('ready\n'),
  (error: unknown) => {
    process.stderr.write(`stack floor ${role}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
