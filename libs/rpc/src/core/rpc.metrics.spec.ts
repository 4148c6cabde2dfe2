import { assessRpc } from '@payments/contracts';
import { metricsRegistry, scrapedSample } from '@payments/observability';

import { GrpcRpc } from '../grpc/grpc.rpc';
import { InProcessRpc } from '../in-process/in-process.rpc';
import { RpcDeadlineError, RpcRemoteError } from '../rpc.errors';
import { Rpc, RpcClient } from '../rpc.port';
import { assessRequest as request } from '../testing/rpc.contract';

/** Allows visa, throws on mastercard, never answers amex (the caller's deadline passes). */
function serveAssess(server: Rpc): void {
  server.serve(assessRpc, (r) => {
    if (r.cardScheme === 'mastercard') return Promise.reject(new Error('rules table went away'));
    if (r.cardScheme === 'amex') return new Promise(() => undefined);
    return Promise.resolve({ transactionId: r.transactionId, decision: 'allow' as const, reasons: [] });
  });
}

async function callEach(client: RpcClient): Promise<void> {
  await client.call(assessRpc, request('visa'), { deadlineAt: Date.now() + 2_000 });
  await client.call(assessRpc, request('visa'), { deadlineAt: Date.now() + 2_000 });
  await expect(client.call(assessRpc, request('mastercard'), { deadlineAt: Date.now() + 2_000 })).rejects.toBeInstanceOf(RpcRemoteError);
  await expect(client.call(assessRpc, request('amex'), { deadlineAt: Date.now() + 100 })).rejects.toBeInstanceOf(RpcDeadlineError);
}

/** The series a user would query: `<name>{rpc_service="payments.internal.v1.AntifraudService",rpc_method="Assess",code="..."}`. */
const seriesValue = (name: string, code: string) => scrapedSample(name, { rpc_service: assessRpc.service, rpc_method: 'Assess', code });

describe('RPC metrics', () => {
  beforeEach(() => metricsRegistry.resetMetrics());

  it.each([
    [
      'in process (the embedded mode)',
      async () => {
        const rpc = new InProcessRpc();
        serveAssess(rpc);
        await rpc.start();
        return { client: rpc, close: () => rpc.stop() };
      },
    ],
    [
      'over gRPC',
      async () => {
        const server = new GrpcRpc({ listen: { host: '127.0.0.1', port: 0 }, shutdownGraceMs: 100 });
        serveAssess(server);
        await server.start();
        const client = new GrpcRpc({ endpoints: { [assessRpc.service]: `127.0.0.1:${server.port}` } });
        return { client, close: () => client.stop().then(() => server.stop()) };
      },
    ],
  ])('counts and times every call by service, method and status code on both sides, %s', async (_, open) => {
    const { client, close } = await open();
    try {
      await callEach(client);
    } finally {
      await close();
    }
    const text = await metricsRegistry.metrics();

    expect(await seriesValue('rpc_client_requests_total', 'OK')).toBe(2);
    expect(await seriesValue('rpc_client_requests_total', 'INTERNAL')).toBe(1);
    expect(await seriesValue('rpc_client_requests_total', 'DEADLINE_EXCEEDED')).toBe(1);
    expect(await seriesValue('rpc_server_requests_total', 'OK')).toBe(2);
    expect(await seriesValue('rpc_server_requests_total', 'INTERNAL')).toBe(1);
    expect(await seriesValue('rpc_client_request_duration_seconds_count', 'OK')).toBe(2);
    expect(await seriesValue('rpc_server_request_duration_seconds_count', 'INTERNAL')).toBe(1);
    // The caller waited 100 ms for the call that never answered.
    expect(await scrapedSample('rpc_client_request_duration_seconds_bucket', { rpc_method: 'Assess', code: 'DEADLINE_EXCEEDED', le: '0.05' })).toBe(0);
    expect(text).not.toContain('T0000001');
  });
});
