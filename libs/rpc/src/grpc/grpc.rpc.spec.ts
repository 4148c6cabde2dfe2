import { randomUUID } from 'node:crypto';

import { AssessRequest, assessRpc, rpcPathOf, terminalServiceRpc } from '@payments/contracts';

import { Client, credentials, loadPackageDefinition, Metadata, ServiceError, status } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';

import { describeRpcContract } from '../testing/rpc.contract';
import { GrpcRpc } from './grpc.rpc';
import { methodDefinitionOf } from './internal-proto.loader';

/** Both sides over a real HTTP/2 connection on loopback; the server on a port the system picks. */
describe(GrpcRpc.name, () => {
  describeRpcContract('GrpcRpc', async (register) => {
    const server = new GrpcRpc({ listen: { host: '127.0.0.1', port: 0 }, shutdownGraceMs: 100 });
    register(server);
    await server.start();
    const address = `127.0.0.1:${server.port}`;
    const client = new GrpcRpc({ endpoints: { [assessRpc.service]: address, [terminalServiceRpc.service]: address } });
    return {
      client,
      close: async () => {
        await client.stop();
        await server.stop();
      },
    };
  });

  describe('as seen by a client that is not ours', () => {
    let server: GrpcRpc;
    let raw: Client;
    const handled: AssessRequest[] = [];

    beforeAll(async () => {
      server = new GrpcRpc({ listen: { host: '127.0.0.1', port: 0 }, shutdownGraceMs: 100 });
      server.serve(assessRpc, (r) =>
        Promise.resolve(void handled.push(r)).then(() => ({ transactionId: r.transactionId, decision: 'allow' as const, reasons: [] })),
      );
      await server.start();
      raw = new Client(`127.0.0.1:${server.port}`, credentials.createInsecure());
    });

    afterAll(async () => {
      raw?.close();
      await server?.stop();
    });

    it('refuses a request that breaks the schema with INVALID_ARGUMENT naming the field, before the handler', async () => {
      const method = methodDefinitionOf(assessRpc);
      const bad = {
        transactionId: randomUUID(),
        terminalId: 'T1',
        merchantId: 'M1',
        amountMinor: '12.50',
        currency: 'EUR',
        cardToken: 'tok_a',
        cardScheme: 'visa',
      };
      const error = await new Promise<ServiceError | null>((resolve) =>
        raw.makeUnaryRequest(
          rpcPathOf(assessRpc),
          method.requestSerialize,
          method.responseDeserialize,
          bad,
          new Metadata(),
          { deadline: Date.now() + 2_000 },
          (e) => resolve(e),
        ),
      );
      expect(error?.code).toBe(status.INVALID_ARGUMENT);
      expect(error?.details).toContain('amountMinor');
      expect(handled).toHaveLength(0);
    });

    it('answers grpc.health.v1 for the server and for each service it serves', async () => {
      const health = loadPackageDefinition(loadSync(healthProtoPath, { enums: String })) as unknown as {
        grpc: { health: { v1: { Health: new (address: string, creds: ReturnType<typeof credentials.createInsecure>) => Client } } };
      };
      const client = new health.grpc.health.v1.Health(`127.0.0.1:${server.port}`, credentials.createInsecure()) as Client & {
        check(request: { service: string }, callback: (error: ServiceError | null, reply?: { status: string }) => void): void;
      };
      const check = (service: string) => new Promise<string | undefined>((resolve) => client.check({ service }, (_e, reply) => resolve(reply?.status)));
      expect(await check('')).toBe('SERVING');
      expect(await check(assessRpc.service)).toBe('SERVING');
      expect(await check('payments.internal.v1.Nothing')).toBeUndefined();
      client.close();
    });
  });
});
