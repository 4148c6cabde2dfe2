import { getOrCreateCounter, getOrCreateHistogram } from '@payments/observability';

import { RpcCancelledError, RpcDeadlineError, RpcInvalidArgumentError, RpcUnavailableError } from '../rpc.errors';

export const RPC_SERVER_REQUESTS_TOTAL = 'rpc_server_requests_total';
export const RPC_CLIENT_REQUESTS_TOTAL = 'rpc_client_requests_total';
// `service` is the process's own label (MetricsModule), so the called proto service is rpc_service.
const LABELS = ['rpc_service', 'rpc_method', 'code'] as const;
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The gRPC status name of a call's outcome, the same on both transports (grpc-status.mapper.ts maps them so). */
export function rpcCodeOf(error: unknown): string {
  if (error instanceof RpcInvalidArgumentError) return 'INVALID_ARGUMENT';
  if (error instanceof RpcDeadlineError) return 'DEADLINE_EXCEEDED';
  if (error instanceof RpcCancelledError) return 'CANCELLED';
  if (error instanceof RpcUnavailableError) return 'UNAVAILABLE';
  return 'INTERNAL';
}

type Side = 'server' | 'client';
let sides: Record<Side, ReturnType<typeof metricsOf>> | undefined;

// Made on first use and kept: a call costs no registry lookup.
function side(kind: Side): ReturnType<typeof metricsOf> {
  sides ??= { server: metricsOf('server'), client: metricsOf('client') };
  return sides[kind];
}

function metricsOf(kind: Side) {
  const who = kind === 'server' ? 'served by this process' : 'made by this process';
  return {
    requests: getOrCreateCounter(`rpc_${kind}_requests_total`, `RPC calls ${who}, by proto service, method and gRPC status code.`, LABELS),
    duration: getOrCreateHistogram(
      `rpc_${kind}_request_duration_seconds`,
      `Duration in seconds of the RPC calls ${who}, by proto service, method and gRPC status code.`,
      LABELS,
      DURATION_BUCKETS,
    ),
  };
}

/**
 * RED metrics of one side of the calls, counted once per call where RpcTransportBase handles it,
 * so gRPC and in-process (the embedded mode) report the same series. `path` is
 * `/package.Service/Method`: a bounded set, never an id.
 */
export function measureRpc<T>(kind: Side, path: string, work: () => Promise<T>): Promise<T> {
  const { requests, duration } = side(kind);
  const [rpc_service, rpc_method] = path.slice(1).split('/');
  const stop = duration.startTimer();
  const record = (code: string): void => {
    const labels = { rpc_service, rpc_method, code };
    requests.inc(labels);
    stop(labels);
  };
  return work().then(
    (reply) => {
      record('OK');
      return reply;
    },
    (error: unknown) => {
      record(rpcCodeOf(error));
      throw error;
    },
  );
}
