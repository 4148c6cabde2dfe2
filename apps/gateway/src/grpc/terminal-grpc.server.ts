import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';

import { Server, ServerCredentials, ServiceDefinition } from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation } from 'grpc-health-check';

import { GrpcTlsCredentials } from '@payments/rpc';
import { TlsFiles } from '@payments/runtime';

import { GATEWAY_ENV, GatewayEnv } from '../config/gateway-env';
import { TerminalGrpcService } from './terminal-grpc.service';
import { loadHealthProto, loadTerminalProto, TERMINAL_SERVICE_NAME } from './terminal-proto.loader';

/**
 * The registers' gRPC endpoint, beside the REST API in the same Nest module (standalone gateway
 * and embedded host alike): TerminalService, server reflection and grpc.health.v1. It starts
 * once the module's other bootstrap work (demo terminals) is done, and drains before the bus and
 * the database close.
 */
@Injectable()
export class TerminalGrpcServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TerminalGrpcServer.name);
  private server?: Server;
  private health?: HealthImplementation;
  private boundPort?: number;

  constructor(
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    private readonly terminal: TerminalGrpcService,
  ) {}

  /** The port it listens on: GATEWAY_GRPC_PORT, or the one the system chose for 0. */
  get port(): number {
    if (this.boundPort === undefined) throw new Error('the gRPC server is not listening');
    return this.boundPort;
  }

  async onApplicationBootstrap(): Promise<void> {
    const definition = loadTerminalProto();
    const server = new Server();
    server.addService(serviceOf(definition, TERMINAL_SERVICE_NAME), this.terminal.handlers());
    new ReflectionService({ ...definition, ...loadHealthProto() }).addToServer(server);
    // By convention '' is the whole server; load balancers and grpc_health_probe ask for it.
    const health = new HealthImplementation({ '': 'SERVING', [TERMINAL_SERVICE_NAME]: 'SERVING' });
    health.addToServer(server);
    const tls = this.env.GATEWAY_REGISTER_TLS ? new GrpcTlsCredentials(TlsFiles.required(this.env, 'when GATEWAY_REGISTER_TLS=on').grpc) : undefined;
    this.boundPort = await bind(
      server,
      hostPort(this.env.GATEWAY_GRPC_HOST, this.env.GATEWAY_GRPC_PORT),
      tls?.serverWithoutClientCertificates() ?? ServerCredentials.createInsecure(),
    );
    await tls?.loaded();
    this.server = server;
    this.health = health;
    // GATEWAY_REGISTER_TLS=on: the TLS_* certificate (re-read when renewed); registers present none.
    const security = tls ? 'TLS' : 'plaintext';
    this.logger.log(`gRPC ${TERMINAL_SERVICE_NAME} listening on ${hostPort(this.env.GATEWAY_GRPC_HOST, this.boundPort)} (${security})`);
  }

  /** Health says NOT_SERVING, new calls are refused, in-flight ones get the grace period, then are cut. */
  async beforeApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.health?.setStatus('', 'NOT_SERVING');
    this.health?.setStatus(TERMINAL_SERVICE_NAME, 'NOT_SERVING');
    if (!(await tryShutdown(server, this.env.GATEWAY_GRPC_SHUTDOWN_GRACE_MS))) {
      this.logger.warn(`gRPC calls still open after ${this.env.GATEWAY_GRPC_SHUTDOWN_GRACE_MS} ms; cutting them`);
      server.forceShutdown();
    }
  }
}

function serviceOf(definition: PackageDefinition, name: string): ServiceDefinition {
  const service = definition[name];
  if (!service || 'format' in service) throw new Error(`${name} is not a service of the loaded proto`);
  return service;
}

/** IPv6 literals need brackets in a gRPC address. */
function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function bind(server: Server, address: string, credentials: ServerCredentials): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(address, credentials, (error, port) => (error ? reject(error) : resolve(port)));
  });
}

/** true: every call finished within graceMs; false: some are still open. */
function tryShutdown(server: Server, graceMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), graceMs);
    server.tryShutdown(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
