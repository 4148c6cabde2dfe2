import { Server, ServerCredentials, ServiceDefinition, UntypedServiceImplementation } from '@grpc/grpc-js';
import { HealthImplementation } from 'grpc-health-check';

/** The internal gRPC server of one process: the served services and grpc.health.v1 for each. */
export class GrpcServerHost {
  private server?: Server;
  private health?: HealthImplementation;
  private services: string[] = [];
  private boundPort?: number;

  constructor(
    private readonly host: string,
    private readonly listenPort: number,
    private readonly shutdownGraceMs: number,
    /** TLS (mutual, when the credentials require client certificates); absent: plaintext. */
    private readonly credentials: ServerCredentials = ServerCredentials.createInsecure(),
  ) {}

  /** The bound port (the system's choice when configured as 0). */
  get port(): number | undefined {
    return this.boundPort;
  }

  get listening(): boolean {
    return this.server !== undefined;
  }

  async start(services: Map<string, { definition: ServiceDefinition; implementation: UntypedServiceImplementation }>): Promise<number> {
    const server = new Server();
    this.services = [...services.keys()];
    for (const { definition, implementation } of services.values()) server.addService(definition, implementation);
    // '' is the whole server, as load balancers and grpc_health_probe ask.
    const health = new HealthImplementation(Object.fromEntries(['', ...this.services].map((name) => [name, 'SERVING' as const])));
    health.addToServer(server);
    const address = this.host.includes(':') ? `[${this.host}]:${this.listenPort}` : `${this.host}:${this.listenPort}`;
    this.boundPort = await new Promise<number>((resolve, reject) =>
      server.bindAsync(address, this.credentials, (error, port) => (error ? reject(error) : resolve(port))),
    );
    this.server = server;
    this.health = health;
    return this.boundPort;
  }

  /** NOT_SERVING first, then calls in flight get the grace period, then are cut. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const name of ['', ...this.services]) this.health?.setStatus(name, 'NOT_SERVING');
    const drained = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), this.shutdownGraceMs);
      server.tryShutdown(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!drained) server.forceShutdown();
  }
}
