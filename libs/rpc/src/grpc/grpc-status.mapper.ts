import { Metadata, ServiceError, status } from '@grpc/grpc-js';

import { RpcCancelledError, RpcDeadlineError, RpcError, RpcInvalidArgumentError, RpcRemoteError, RpcUnavailableError } from '../rpc.errors';

/** Server side: an RpcError becomes its gRPC status; the details carry the message (never card data). */
export function serviceErrorOf(error: unknown): Partial<ServiceError> {
  const [code, details] =
    error instanceof RpcInvalidArgumentError
      ? [status.INVALID_ARGUMENT, error.detail]
      : error instanceof RpcDeadlineError
        ? [status.DEADLINE_EXCEEDED, error.message]
        : error instanceof RpcCancelledError
          ? [status.CANCELLED, error.message]
          : error instanceof RpcUnavailableError
            ? [status.UNAVAILABLE, error.message]
            : error instanceof RpcRemoteError
              ? [status.INTERNAL, error.remoteMessage]
              : [status.INTERNAL, error instanceof Error ? error.message : String(error)];
  return { code, details, metadata: new Metadata() };
}

/** Client side: a gRPC status becomes the RpcError the in-process transport would have thrown. */
export function rpcErrorOf(path: string, error: ServiceError, budgetMs: number): RpcError {
  if (error.code === status.DEADLINE_EXCEEDED) return new RpcDeadlineError(path, budgetMs);
  if (error.code === status.INVALID_ARGUMENT) return new RpcInvalidArgumentError(path, error.details);
  if (error.code === status.CANCELLED) return new RpcCancelledError(path);
  if (error.code === status.UNAVAILABLE) return new RpcUnavailableError(path, error.details);
  return new RpcRemoteError(path, error.details);
}
