import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';

import { TestPinPad } from '@payments/testing';

import {
  Client,
  ClientDuplexStream,
  credentials,
  GrpcObject,
  loadPackageDefinition,
  makeClientConstructor,
  Metadata,
  ServiceClientConstructor,
  ServiceError,
} from '@grpc/grpc-js';
import { loadSync, Options } from '@grpc/proto-loader';
import { service as healthService } from 'grpc-health-check';

import { TERMINAL_KEY } from './register.client';
import { repoRoot } from './repo-root.util';

/** The options the gateway loads the .proto with: the messages look the same on both sides. */
const PROTO_OPTIONS: Options = { keepCase: false, longs: String, enums: String, defaults: true, oneofs: true };
const CALL_TIMEOUT_MS = 20_000;

export interface GrpcResult<T = Record<string, unknown>> {
  error: ServiceError | null;
  response?: T;
}

type Unary = (
  request: object,
  metadata: Metadata,
  options: { deadline: Date },
  callback: (error: ServiceError | null, response?: Record<string, unknown>) => void,
) => void;

/** The metadata of a call: the terminal key (null: none) and the idempotency-key (default: a fresh one; null: none). */
export interface GrpcCallOptions {
  key?: string | null;
  idempotencyKey?: string | null;
  /** The register's own deadline for the call (default 20 s). */
  deadlineMs?: number;
}

/**
 * A cash register on the gRPC API: a @grpc/grpc-js client of payments.terminal.v1.TerminalService
 * built from the repository's .proto, the same thin PIN pad as the REST register, and the
 * standard health and reflection clients a load balancer or grpcurl would use.
 */
export class TerminalGrpcClient {
  readonly pinPad = TestPinPad.withAnsiTestKey();
  private readonly terminal: Client & Record<string, Unary | undefined>;
  private readonly health: Client & { Check: Unary };
  private readonly reflection: Client & { ServerReflectionInfo: () => ClientDuplexStream<object, Record<string, unknown>> };

  /** terminalKey: the demo register's by default; DEMO0002.. have the key plus `-2`.. */
  constructor(
    address: string,
    private readonly terminalKey: string = TERMINAL_KEY,
  ) {
    const terminalProto = load(join(repoRoot(), 'libs/contracts/proto'), 'payments/terminal/v1/terminal.proto');
    const reflectionProto = load(join(dirname(require.resolve('@grpc/reflection')), '../proto'), 'grpc/reflection/v1/reflection.proto');
    this.terminal = connect(service(terminalProto, 'payments.terminal.v1.TerminalService'), address);
    this.health = connect(makeClientConstructor(healthService, 'Health'), address);
    this.reflection = connect(service(reflectionProto, 'grpc.reflection.v1.ServerReflection'), address);
  }

  card(pan = '4242424242424242', expiry = '3012'): { bdkId: string; ksn: string; ciphertext: string } {
    return this.pinPad.readCard({ pan, expiry, serviceCode: '201' });
  }

  /** Any TerminalService rpc by its .proto name, e.g. call('Refund', {...}); its error or its response. */
  call(rpc: string, request: object, options: GrpcCallOptions = {}): Promise<GrpcResult> {
    const method = this.terminal[rpc];
    if (!method) throw new Error(`TerminalService has no rpc ${rpc}`);
    const metadata = new Metadata();
    const key = options.key === undefined ? this.terminalKey : options.key;
    if (key !== null) metadata.set('authorization', `Bearer ${key}`);
    const idempotencyKey = options.idempotencyKey === undefined ? `e2e-${randomUUID()}` : options.idempotencyKey;
    if (idempotencyKey !== null) metadata.set('idempotency-key', idempotencyKey);
    return unary(method.bind(this.terminal), request, metadata, options.deadlineMs);
  }

  purchase(request: object, options: GrpcCallOptions = {}): Promise<GrpcResult> {
    return this.call('Purchase', request, options);
  }

  /** grpc.health.v1.Health/Check: the serving status name. */
  async healthOf(serviceName: string): Promise<GrpcResult> {
    return unary(this.health.Check.bind(this.health), { service: serviceName }, new Metadata());
  }

  /** One request on the reflection stream (grpc.reflection.v1), its one response. */
  reflect(request: object): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const stream = this.reflection.ServerReflectionInfo();
      stream.once('data', (response: Record<string, unknown>) => {
        stream.end();
        resolve(response);
      });
      stream.once('error', reject);
      stream.write(request);
    });
  }

  close(): void {
    for (const client of [this.terminal, this.health, this.reflection]) client.close();
  }
}

function load(root: string, file: string): GrpcObject {
  return loadPackageDefinition(loadSync(file, { ...PROTO_OPTIONS, includeDirs: [root] }));
}

/** A client of the service; T names the methods the tests call (the constructor types them loosely). */
function connect<T>(constructor: ServiceClientConstructor, address: string): Client & T {
  return new constructor(address, credentials.createInsecure()) as unknown as Client & T;
}

function service(proto: GrpcObject, name: string): ServiceClientConstructor {
  return name.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], proto) as ServiceClientConstructor;
}

function unary(method: Unary, request: object, metadata: Metadata, deadlineMs = CALL_TIMEOUT_MS): Promise<GrpcResult> {
  return new Promise((resolve) => {
    method(request, metadata, { deadline: new Date(Date.now() + deadlineMs) }, (error, response) => resolve({ error, response }));
  });
}
