import { RpcContract, rpcPathOf } from '@payments/contracts';

import { Client, credentials, Metadata, ServerUnaryCall, ServiceDefinition, ServiceError, UntypedServiceImplementation, sendUnaryData } from '@grpc/grpc-js';

import { OutboundCall, RpcTransportBase, RpcTransportOptions } from '../core/rpc-transport.base';
import { RpcMetadata } from '../rpc.port';
import { rpcErrorOf, serviceErrorOf } from './grpc-status.mapper';
import { GrpcServerHost } from './grpc-server.host';
import { GrpcTlsCredentials, GrpcTlsFiles } from './grpc-tls.credentials';
import { methodDefinitionOf, serviceDefinitionOf } from './internal-proto.loader';
import { conformToSchema } from './wire-shape.util';

/** How much of the gRPC deadline is only the caller waiting for a late reply (see RpcCallOptions.lateReply). */
export const LATE_GRACE_METADATA = 'rpc-late-grace-ms';

const ROUND_ROBIN = JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] });

export interface GrpcRpcOptions extends RpcTransportOptions {
  /** Serve this process's handlers here; absent: a client only. */
  readonly listen?: { readonly host: string; readonly port: number };
  /** host:port (or dns:///name:port) of each proto service this process calls, by full service name. */
  readonly endpoints?: Readonly<Record<string, string>>;
  /** How long stop() lets calls in flight finish. Default 10 s. */
  readonly shutdownGraceMs?: number;
  /** TLS for the server and the clients (mutual when required); absent: plaintext. */
  readonly tls?: GrpcTlsFiles;
}

/**
 * The distributed mode's transport: internal protos over HTTP/2 (@grpc/grpc-js), the caller's
 * deadline as the gRPC deadline. Calls wait for a connection up to their deadline (a callee that
 * restarts is waited for, as a request topic used to buffer), but a call whose connection breaks
 * after it was sent fails at once with RpcUnavailableError: its outcome is unknown.
 */
export class GrpcRpc extends RpcTransportBase {
  protected readonly system = 'grpc';
  private readonly clients = new Map<string, Client>();
  private readonly server?: GrpcServerHost;
  private readonly tls?: GrpcTlsCredentials;

  constructor(private readonly options: GrpcRpcOptions) {
    super(options);
    if (options.tls) this.tls = new GrpcTlsCredentials(options.tls);
    if (options.listen) {
      this.server = new GrpcServerHost(options.listen.host, options.listen.port, options.shutdownGraceMs ?? 10_000, this.tls?.server());
    }
  }

  /** The port the internal server listens on, once started. */
  get port(): number | undefined {
    return this.server?.port;
  }

  async start(): Promise<void> {
    if (!this.server) return;
    const services = new Map<string, { definition: ServiceDefinition; implementation: UntypedServiceImplementation }>();
    for (const { contract } of this.served.values()) {
      const entry = services.get(contract.service) ?? { definition: serviceDefinitionOf(contract), implementation: {} };
      entry.implementation[contract.method] = this.unaryHandlerOf(contract);
      services.set(contract.service, entry);
    }
    const port = await this.server.start(services);
    await this.tls?.loaded();
    const security = !this.options.tls ? 'plaintext' : this.options.tls.requireClientCertificate ? 'mutual TLS' : 'TLS';
    this.logger.log(`internal gRPC (${[...services.keys()].join(', ') || 'health only'}) listening on ${this.options.listen!.host}:${port} (${security})`);
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
  }

  isHealthy(): Promise<boolean> {
    return Promise.resolve(!this.server || this.server.listening);
  }

  protected invoke(contract: RpcContract<unknown, unknown>, request: unknown, call: OutboundCall): Promise<unknown> {
    const path = rpcPathOf(contract);
    const method = methodDefinitionOf(contract);
    const metadata = new Metadata({ waitForReady: true });
    for (const [key, value] of Object.entries(call.metadata)) metadata.set(key, value);
    const graceMs = call.transportDeadlineAt - call.deadlineAt;
    if (graceMs > 0) metadata.set(LATE_GRACE_METADATA, String(graceMs));
    const budgetMs = Math.max(0, Math.round(call.transportDeadlineAt - Date.now()));
    return new Promise((resolve, reject) => {
      const pending = this.clientOf(contract.service).makeUnaryRequest(
        path,
        method.requestSerialize,
        method.responseDeserialize,
        request,
        metadata,
        { deadline: call.transportDeadlineAt },
        (error: ServiceError | null, reply?: unknown) => {
          call.signal.removeEventListener('abort', cancel);
          if (error) return reject(rpcErrorOf(path, error, budgetMs));
          resolve(conformToSchema(contract.reply, reply));
        },
      );
      const cancel = (): void => pending.cancel();
      call.signal.addEventListener('abort', cancel, { once: true });
    });
  }

  private unaryHandlerOf(contract: RpcContract<unknown, unknown>) {
    const path = rpcPathOf(contract);
    return (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>): void => {
      const cancelled = new AbortController();
      call.once('cancelled', () => cancelled.abort());
      const metadata = plainMetadataOf(call.metadata);
      const deadline = call.getDeadline();
      const grpcDeadlineAt = deadline instanceof Date ? deadline.getTime() : Number(deadline);
      const deadlineAt = grpcDeadlineAt - (Number(metadata[LATE_GRACE_METADATA]) || 0);
      this.dispatch(path, conformToSchema(contract.request, call.request), { deadlineAt, signal: cancelled.signal, metadata }).then(
        (reply) => callback(null, reply),
        (error: unknown) => callback(serviceErrorOf(error)),
      );
    };
  }

  private clientOf(service: string): Client {
    let client = this.clients.get(service);
    if (!client) {
      const address = this.options.endpoints?.[service];
      if (!address) throw new Error(`no endpoint configured for ${service}`);
      // dns:///name:port resolves to every ready replica (a headless Service): calls go round robin.
      client = new Client(address, this.tls?.channel() ?? credentials.createInsecure(), { 'grpc.service_config': ROUND_ROBIN });
      this.clients.set(service, client);
    }
    return client;
  }
}

function plainMetadataOf(metadata: Metadata): RpcMetadata {
  const plain: RpcMetadata = {};
  for (const [key, value] of Object.entries(metadata.getMap())) if (typeof value === 'string') plain[key] = value;
  return plain;
}
