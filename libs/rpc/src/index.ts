export * from './rpc.port';
export * from './rpc.errors';
export { inboundCall } from './core/rpc-call.scope';
export type { RpcTransportOptions } from './core/rpc-transport.base';
export { InProcessRpc } from './in-process/in-process.rpc';
export { GrpcRpc, type GrpcRpcOptions, LATE_GRACE_METADATA } from './grpc/grpc.rpc';
export { GrpcTlsCredentials, type GrpcTlsFiles } from './grpc/grpc-tls.credentials';
