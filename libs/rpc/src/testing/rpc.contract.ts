import { randomUUID } from 'node:crypto';

import { SpanKind, trace } from '@opentelemetry/api';

import { AssessReply, AssessRequest, assessRpc, followUpRpc, TerminalServiceReply, terminalServiceRpc } from '@payments/contracts';

import { installTestTracing } from '@payments/messaging/testing';

import { inboundCall } from '../core/rpc-call.scope';
import { RpcCancelledError, RpcDeadlineError, RpcInvalidArgumentError, RpcRemoteError } from '../rpc.errors';
import { RpcClient, RpcContext, RpcServer } from '../rpc.port';

export interface RpcUnderTest {
  readonly client: RpcClient;
  close(): Promise<void>;
}

/** Registers the suite's handlers on the serving side, starts both sides, gives the calling one. */
export type RpcFactory = (register: (server: RpcServer) => void) => Promise<RpcUnderTest>;

type Behaviour = (request: AssessRequest, context: RpcContext) => Promise<AssessReply>;

/** An antifraud assessment request for a card of `cardScheme` (its handlers in tests behave by the scheme). */
export const assessRequest = (cardScheme: string): AssessRequest => ({
  transactionId: randomUUID(),
  terminalId: 'T0000001',
  merchantId: 'M000000000001',
  amountMinor: '1250',
  currency: 'EUR',
  cardToken: 'tok_abc123',
  cardScheme,
});
const allow = (r: AssessRequest): AssessReply => ({ transactionId: r.transactionId, decision: 'allow', reasons: [] });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const aborted = (signal: AbortSignal) => new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));

/** A report with every kind of field: zero counts, empty and full lists, a nested union, optional parts absent. */
export const RICH_REPORT: TerminalServiceReply = {
  requestId: '6f1c2b9e-3d4a-4e5f-8a7b-9c0d1e2f3a4b',
  operation: 'report',
  status: 'ok',
  message: '',
  terminalId: 'T0000001',
  merchantId: 'M000000000001',
  processedAt: '2026-12-06T10:00:00.000Z',
  batch: {
    batchNumber: 3,
    status: 'open',
    openedAt: '2026-12-06T08:00:00.000Z',
    totals: [
      {
        currency: 'EUR',
        debitCount: 2,
        debitAmountMinor: '2500',
        creditCount: 0,
        creditAmountMinor: '0',
        debitReversalCount: 0,
        debitReversalAmountMinor: '0',
      },
    ],
  },
  transactions: [
    {
      transactionId: '0b7e6d5c-4b3a-4921-8f7e-6d5c4b3a2910',
      operation: 'purchase',
      status: 'prompt',
      responseCode: '00',
      responseText: 'waiting for the cashier',
      terminalId: 'T0000001',
      merchantId: 'M000000000001',
      amountMinor: '0',
      currency: 'EUR',
      processedAt: '2026-12-06T09:00:00.000Z',
      batchNumber: 3,
      prompt: {
        promptId: '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d',
        kind: 'accept_partial_approval',
        text: 'Accept 10.00 of 12.50?',
        input: { type: 'confirm' },
        expiresAt: '2026-12-06T09:01:00.000Z',
      },
    },
  ],
};

/**
 * The behaviour every Rpc transport must show (in process and gRPC alike), so the embedded mode
 * cannot drift from the distributed one.
 */
export function describeRpcContract(name: string, factory: RpcFactory): void {
  describe(`${name} satisfies the Rpc contract`, () => {
    let sut: RpcUnderTest;
    let tracing: ReturnType<typeof installTestTracing>;
    const behaviours = new Map<string, Behaviour>();
    const handled: AssessRequest[] = [];
    const within = (ms: number) => ({ deadlineAt: Date.now() + ms });

    beforeAll(async () => {
      tracing = installTestTracing();
      sut = await factory((server) => {
        server.serve(assessRpc, (r, context) => {
          handled.push(r);
          return (behaviours.get(r.cardScheme) ?? ((x) => Promise.resolve(allow(x))))(r, context);
        });
        server.serve(terminalServiceRpc, (r) => Promise.resolve({ ...RICH_REPORT, requestId: r.requestId, operation: r.operation }));
        server.serve(followUpRpc, (r) =>
          Promise.resolve({ ...RICH_REPORT.transactions![0], transactionId: r.transactionId, operation: r.operation, status: 'approved', prompt: undefined }),
        );
      });
    });

    afterAll(async () => {
      await sut?.close();
      tracing?.uninstall();
    });

    it("returns the handler's reply, an empty list included", async () => {
      const r = assessRequest('visa');
      await expect(sut.client.call(assessRpc, r, within(2_000))).resolves.toEqual(allow(r));
    });

    it('maps a rich message 1:1: zero counts, nested unions, lists, absent optional parts', async () => {
      const report = await sut.client.call(
        terminalServiceRpc,
        { operation: 'report', kind: 'full', requestId: RICH_REPORT.requestId, terminalId: 'T0000001', merchantId: 'M000000000001' },
        within(2_000),
      );
      expect(report).toEqual(RICH_REPORT);
      const byReceipt = { approvalCode: 'A1B2C3', rrn: '123456789012' };
      const followUp = {
        transactionId: randomUUID(),
        operation: 'cancel' as const,
        terminalId: 'T0000001',
        merchantId: 'M1',
        original: byReceipt,
        requestedAt: '2026-12-06T10:00:00.000Z',
      };
      await expect(sut.client.call(followUpRpc, followUp, within(2_000))).resolves.toMatchObject({ transactionId: followUp.transactionId, status: 'approved' });
    });

    it('refuses a request that breaks its schema before any handler sees it', async () => {
      const before = handled.length;
      const bad = { ...assessRequest('visa'), amountMinor: '12.50' };
      await expect(sut.client.call(assessRpc, bad, within(2_000))).rejects.toThrow(RpcInvalidArgumentError);
      await expect(sut.client.call(assessRpc, bad, within(2_000))).rejects.toThrow(/amountMinor/);
      expect(handled).toHaveLength(before);
    });

    it('rejects with RpcDeadlineError when the deadline passes, and the handler learns the deadline and that the caller left', async () => {
      let seen: RpcContext | undefined;
      const left = new Promise<void>((resolve) =>
        behaviours.set('slow', async (r, context) => {
          seen = context;
          await aborted(context.signal);
          resolve();
          return allow(r);
        }),
      );
      const deadlineAt = Date.now() + 150;
      const started = Date.now();
      await expect(sut.client.call(assessRpc, assessRequest('slow'), { deadlineAt })).rejects.toThrow(RpcDeadlineError);
      expect(Date.now() - started).toBeLessThan(1_000);
      await left;
      expect(Math.abs(seen!.deadlineAt - deadlineAt)).toBeLessThan(50);
    });

    it('names the remote failure when the handler throws', async () => {
      behaviours.set('broken', () => Promise.reject(new Error('velocity store unreachable')));
      const call = sut.client.call(assessRpc, assessRequest('broken'), within(2_000));
      await expect(call).rejects.toThrow(RpcRemoteError);
      await expect(sut.client.call(assessRpc, assessRequest('broken'), within(2_000))).rejects.toThrow(/velocity store unreachable/);
    });

    it("fires the handler's signal when the caller cancels", async () => {
      let cancelled: Promise<void> | undefined;
      behaviours.set('hang', async (r, context) => {
        cancelled = aborted(context.signal);
        await cancelled;
        return allow(r);
      });
      const caller = new AbortController();
      const call = sut.client.call(assessRpc, assessRequest('hang'), { ...within(5_000), signal: caller.signal });
      await sleep(100);
      caller.abort();
      await expect(call).rejects.toThrow(RpcCancelledError);
      await expect(cancelled).resolves.toBeUndefined();
    });

    it('passes metadata, and calls made while serving see the inbound deadline', async () => {
      let inbound: number | undefined;
      let key: string | undefined;
      behaviours.set('nested', (r, context) => {
        inbound = inboundCall()?.deadlineAt;
        key = context.metadata['idempotency-key'];
        return Promise.resolve(allow(r));
      });
      const deadlineAt = Date.now() + 1_000;
      await sut.client.call(assessRpc, assessRequest('nested'), { deadlineAt, metadata: { 'idempotency-key': 'key-1' } });
      expect(key).toBe('key-1');
      expect(Math.abs(inbound! - deadlineAt)).toBeLessThan(50);
    });

    it("continues the caller's trace in the handler, in a SERVER span under the call's CLIENT span", async () => {
      let inHandler: string | undefined;
      behaviours.set('traced', (r) => {
        inHandler = trace.getActiveSpan()?.spanContext().traceId;
        return Promise.resolve(allow(r));
      });
      const traceId = await trace.getTracer('register').startActiveSpan('purchase', async (span) => {
        await sut.client.call(assessRpc, assessRequest('traced'), within(2_000));
        span.end();
        return span.spanContext().traceId;
      });
      expect(inHandler).toBe(traceId);
      const spans = tracing.spans
        .getFinishedSpans()
        .filter((s) => s.spanContext().traceId === traceId && s.name === 'payments.internal.v1.AntifraudService/Assess');
      expect(spans.map((s) => s.kind).sort()).toEqual([SpanKind.SERVER, SpanKind.CLIENT].sort());
    });

    it('answers at the deadline but hands a reply within the grace period to the late handler', async () => {
      let calleeDeadline: number | undefined;
      behaviours.set('late', async (r, context) => {
        calleeDeadline = context.deadlineAt;
        await sleep(300);
        return { ...allow(r), decision: 'deny', responseCode: '05' };
      });
      const late: AssessReply[] = [];
      const deadlineAt = Date.now() + 100;
      const call = sut.client.call(assessRpc, assessRequest('late'), {
        deadlineAt,
        lateReply: { graceMs: 2_000, handler: (reply) => Promise.resolve(void late.push(reply)) },
      });
      await expect(call).rejects.toThrow(RpcDeadlineError);
      expect(late).toHaveLength(0);
      await sleep(500);
      expect(late).toMatchObject([{ decision: 'deny', responseCode: '05' }]);
      expect(Math.abs(calleeDeadline! - deadlineAt)).toBeLessThan(50);
    });
  });
}
