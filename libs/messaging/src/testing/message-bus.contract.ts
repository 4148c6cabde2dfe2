import { SpanKind, trace } from '@opentelemetry/api';
import { z } from 'zod';

import { defineCommand, defineEvent, SchemaViolationError, TopicContract } from '@payments/contracts';

import { deadLetterContractOf } from '../core/dead-letter.contract';
import { Envelope, Headers, MessageBus } from '../message-bus.port';
import { installTestTracing } from './test-tracing';
import { uniqueSuffix, waitFor } from './wait-for.util';

export interface MessageBusContractOptions {
  /** Per-test jest timeout. Default 20 s. */
  readonly testTimeoutMs?: number;
}

const orderSchema = z.object({ orderId: z.string().min(1), seq: z.number().int(), amountMinor: z.string().regex(/^\d+$/) });
type Order = z.infer<typeof orderSchema>;
const order = (orderId: string, seq = 0): Order => ({ orderId, seq, amountMinor: '1250' });

/**
 * The behaviour every MessageBus must show (ARCHITECTURE.md: one suite for both
 * implementations). Topics get a random suffix, so reruns against one broker are independent.
 */
export function describeMessageBusContract(name: string, factory: () => MessageBus | Promise<MessageBus>, options: MessageBusContractOptions = {}): void {
  describe(`${name} satisfies the MessageBus contract`, () => {
    let sut: MessageBus;
    let tracing: ReturnType<typeof installTestTracing>;
    const run = uniqueSuffix();
    let n = 0;
    const eventTopic = (): TopicContract<Order> => defineEvent(`contract.${run}.order${(n += 1)}.v1`, orderSchema);

    jest.setTimeout(options.testTimeoutMs ?? 20_000);

    beforeAll(async () => {
      tracing = installTestTracing();
      sut = await factory();
      await sut.start();
    });

    afterAll(async () => {
      await sut?.stop();
      tracing?.uninstall();
    });

    function collect<T>(into: Envelope<T>[]): (m: Envelope<T>) => Promise<void> {
      return (m) => {
        into.push(m);
        return Promise.resolve();
      };
    }

    it('delivers a published message with its key, id and pass-through headers', async () => {
      const topic = eventTopic();
      const got: Envelope<Order>[] = [];
      await sut.subscribe(topic, collect(got), { group: `g-${run}-a` });
      const headers = { [Headers.correlationId]: 'corr-1', [Headers.idempotencyKey]: 'idem-1' };
      await sut.publish(topic, order('o-1'), { key: 'terminal-1', id: 'b5f1d3c2-5d3c-4d39-9a7e-0d3f2a9b8c71', headers });
      await waitFor('the message', () => got.length === 1);
      expect(got[0]).toMatchObject({ topic: topic.name, key: 'terminal-1', value: order('o-1'), id: 'b5f1d3c2-5d3c-4d39-9a7e-0d3f2a9b8c71' });
      expect(got[0].headers).toMatchObject({ ...headers, [Headers.messageId]: got[0].id });
    });

    it('keeps the order of messages with the same key', async () => {
      const topic = eventTopic();
      const seen: Record<string, number[]> = { a: [], b: [] };
      const handler = async (m: Envelope<Order>): Promise<void> => {
        await new Promise((resolve) => setTimeout(resolve, m.value.seq % 3));
        seen[m.key].push(m.value.seq);
      };
      await sut.subscribe(topic, handler, { group: `g-${run}-order` });
      for (let seq = 0; seq < 20; seq += 1) await sut.publish(topic, order('o', seq), { key: seq % 2 ? 'a' : 'b' });
      await waitFor('20 messages', () => seen.a.length + seen.b.length === 20);
      expect(seen.a).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19]);
      expect(seen.b).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    });

    it('gives each consumer group every message exactly once', async () => {
      const topic = eventTopic();
      const first: Envelope<Order>[] = [];
      const second: Envelope<Order>[] = [];
      await sut.subscribe(topic, collect(first), { group: `g-${run}-ledger` });
      await sut.subscribe(topic, collect(second), { group: `g-${run}-report` });
      for (let seq = 0; seq < 5; seq += 1) await sut.publish(topic, order(`o-${seq}`, seq), { key: `k-${seq}` });
      await waitFor('both groups', () => first.length === 5 && second.length === 5);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(first.map((m) => m.value.seq).sort()).toEqual([0, 1, 2, 3, 4]);
      expect(second.map((m) => m.value.seq).sort()).toEqual([0, 1, 2, 3, 4]);
    });

    it('refuses to publish a message that violates its schema and sends nothing', async () => {
      const topic = eventTopic();
      const got: Envelope<Order>[] = [];
      await sut.subscribe(topic, collect(got), { group: `g-${run}-schema` });
      const bad = { orderId: 'o-bad', seq: 1, amountMinor: '12.50' };
      await expect(sut.publish(topic, bad, { key: 'k' })).rejects.toThrow(SchemaViolationError);
      await expect(sut.publish(topic, bad, { key: 'k' })).rejects.toThrow(/amountMinor/);
      await sut.publish(topic, order('o-good'), { key: 'k' });
      await waitFor('the valid message', () => got.length === 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(got.map((m) => m.value.orderId)).toEqual(['o-good']);
    });

    it('dead-letters a poisoned message after maxAttempts and goes on with the next ones', async () => {
      const topic = eventTopic();
      const handled: string[] = [];
      let poisonAttempts = 0;
      const dead: Envelope<unknown>[] = [];
      await sut.subscribe(deadLetterContractOf(topic), collect(dead), { group: `g-${run}-dlt` });
      await sut.subscribe(
        topic,
        (m) => {
          if (m.value.orderId !== 'poison') return Promise.resolve(void handled.push(m.value.orderId));
          poisonAttempts += 1;
          return Promise.reject(new Error('account a-1 is closed'));
        },
        { group: `g-${run}-poison`, maxAttempts: 3, backoffMs: 10 },
      );
      await sut.publish(topic, order('poison'), { key: 'k-1', id: '7c1e2b44-8f0e-4a57-9d0c-3b2a1f4e5d6c' });
      await sut.publish(topic, order('same-key-next'), { key: 'k-1' });
      await sut.publish(topic, order('other-key'), { key: 'k-2' });
      await waitFor('both good messages and the dead letter', () => handled.length === 2 && dead.length === 1);
      expect(handled.sort()).toEqual(['other-key', 'same-key-next']);
      expect(poisonAttempts).toBe(3);
      expect(dead[0]).toMatchObject({ topic: `${topic.name}.DLT`, key: 'k-1', value: order('poison'), id: '7c1e2b44-8f0e-4a57-9d0c-3b2a1f4e5d6c' });
      expect(dead[0].headers).toMatchObject({ [Headers.error]: 'account a-1 is closed', [Headers.attempt]: '3' });
    });

    it('dead-letters at once a consumed message that fails the schema, without calling the handler', async () => {
      const topic = eventTopic();
      const loose = { name: topic.name, schema: z.object({ orderId: z.string() }) };
      let calls = 0;
      const dead: Envelope<unknown>[] = [];
      await sut.subscribe(deadLetterContractOf(topic), collect(dead), { group: `g-${run}-dlt2` });
      await sut.subscribe(topic, () => Promise.resolve(void (calls += 1)), { group: `g-${run}-strict` });
      await sut.publish(loose, { orderId: 'o-old-shape' }, { key: 'k' });
      await waitFor('the dead letter', () => dead.length === 1);
      expect(calls).toBe(0);
      expect(dead[0].headers[Headers.attempt]).toBe('1');
      expect(dead[0].headers[Headers.error]).toMatch(/seq/);
    });

    it('retries a failing handler with backoff and succeeds without a dead letter', async () => {
      const topic = eventTopic();
      const attemptsAt: number[] = [];
      const dead: Envelope<unknown>[] = [];
      await sut.subscribe(deadLetterContractOf(topic), collect(dead), { group: `g-${run}-dlt3` });
      await sut.subscribe(
        topic,
        () => {
          attemptsAt.push(Date.now());
          return attemptsAt.length < 3 ? Promise.reject(new Error('ledger busy')) : Promise.resolve();
        },
        { group: `g-${run}-retry`, maxAttempts: 3, backoffMs: 50 },
      );
      await sut.publish(topic, order('o-retry'), { key: 'k' });
      await waitFor('the third attempt', () => attemptsAt.length === 3);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(attemptsAt).toHaveLength(3);
      expect(attemptsAt[1] - attemptsAt[0]).toBeGreaterThanOrEqual(45);
      expect(attemptsAt[2] - attemptsAt[1]).toBeGreaterThanOrEqual(95);
      expect(dead).toHaveLength(0);
    });

    it('propagates the W3C trace context through a PRODUCER span and runs the handler in a CONSUMER span', async () => {
      const topic = eventTopic();
      const got: { traceparent?: string; traceId?: string }[] = [];
      await sut.subscribe(
        topic,
        (m) => Promise.resolve(void got.push({ traceparent: m.headers[Headers.traceparent], traceId: trace.getActiveSpan()?.spanContext().traceId })),
        { group: `g-${run}-trace` },
      );
      await trace.getTracer('contract-test').startActiveSpan('publish', async (span) => {
        await sut.publish(topic, order('o-traced'), { key: 'k' });
        span.end();
      });
      await waitFor('the traced message', () => got.length === 1);
      const publish = tracing.spans.getFinishedSpans().find((s) => s.name === 'publish')!;
      const send = tracing.spans.getFinishedSpans().find((s) => s.name === `send ${topic.name}`)!;
      expect(send.kind).toBe(SpanKind.PRODUCER);
      expect(send.parentSpanContext?.spanId).toBe(publish.spanContext().spanId);
      expect(send.attributes).toMatchObject({ 'messaging.operation.type': 'send', 'messaging.destination.name': topic.name });
      expect(got[0].traceparent).toMatch(new RegExp(`^00-${publish.spanContext().traceId}-${send.spanContext().spanId}-0[01]$`));
      expect(got[0].traceId).toBe(publish.spanContext().traceId);
      await waitFor('the consumer span', () => tracing.spans.getFinishedSpans().some((s) => s.name === `process ${topic.name}`));
      const consumer = tracing.spans.getFinishedSpans().find((s) => s.name === `process ${topic.name}`)!;
      expect(consumer.kind).toBe(SpanKind.CONSUMER);
      expect(consumer.parentSpanContext?.spanId).toBe(send.spanContext().spanId);
    });

    it('continues the trace of a batch whose messages come from one trace, and of each message of a mixed batch', async () => {
      const topic = eventTopic();
      const batches: number[] = [];
      await sut.subscribeBatch(topic, (batch) => Promise.resolve(void batches.push(batch.length)), {
        group: `g-${run}-batch-trace`,
        maxBatchSize: 10,
        lingerMs: 300,
      });
      const tracer = trace.getTracer('contract-test');
      const sendIn = (name: string, orderId: string) =>
        tracer.startActiveSpan(name, async (span) => {
          await sut.publish(topic, order(orderId), { key: orderId });
          span.end();
          return span.spanContext().traceId;
        });
      const alone = await sendIn('alone', 'o-alone');
      await waitFor('the first batch', () => batches.length === 1);
      const [first, second] = await Promise.all([sendIn('first', 'o-first'), sendIn('second', 'o-second')]);
      await waitFor('both messages', () => batches.reduce((a, b) => a + b, 0) === 3);
      const consumers = () => tracing.spans.getFinishedSpans().filter((s) => s.name === `process ${topic.name}`);
      await waitFor('the consumer spans', () => [alone, first, second].every((id) => consumers().some((s) => s.spanContext().traceId === id)));
      for (const traceId of [alone, first, second]) {
        const span = consumers().find((s) => s.spanContext().traceId === traceId)!;
        const send = tracing.spans.getFinishedSpans().find((s) => s.name === `send ${topic.name}` && s.spanContext().traceId === traceId)!;
        expect(span.kind).toBe(SpanKind.CONSUMER);
        expect(span.parentSpanContext?.spanId).toBe(send.spanContext().spanId);
        // Linked to its parent as well, Jaeger would show it as FOLLOWS_FROM only.
        expect(span.links.map((link) => link.context.spanId)).not.toContain(send.spanContext().spanId);
      }
    });

    describe('batch subscriptions', () => {
      const batchesOf = (into: Envelope<Order>[][]) => (batch: readonly Envelope<Order>[]) => Promise.resolve(void into.push([...batch]));
      const orderIds = (batches: Envelope<Order>[][]) => batches.flat().map((m) => m.value.orderId);

      it('hands a burst over in batches of at most maxBatchSize, each message once, in order per key', async () => {
        const topic = eventTopic();
        const batches: Envelope<Order>[][] = [];
        await sut.subscribeBatch(topic, batchesOf(batches), { group: `g-${run}-batch`, maxBatchSize: 4, lingerMs: 300 });
        for (let seq = 0; seq < 12; seq += 1) await sut.publish(topic, order(`o-${seq}`, seq), { key: seq % 2 ? 'a' : 'b' });
        await waitFor('12 messages', () => batches.flat().length >= 12);
        await new Promise((resolve) => setTimeout(resolve, 300));
        const all = batches.flat();
        expect(all).toHaveLength(12);
        expect(Math.max(...batches.map((b) => b.length))).toBeGreaterThan(1);
        expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(4);
        expect(all.filter((m) => m.key === 'a').map((m) => m.value.seq)).toEqual([1, 3, 5, 7, 9, 11]);
        expect(all.filter((m) => m.key === 'b').map((m) => m.value.seq)).toEqual([0, 2, 4, 6, 8, 10]);
        expect(all[0]).toMatchObject({ topic: topic.name, id: all[0].headers[Headers.messageId] });
      });

      it('isolates a poisoned message of a batch: it is dead-lettered after maxAttempts alone, the others are handled once', async () => {
        const topic = eventTopic();
        const batches: Envelope<Order>[][] = [];
        const dead: Envelope<unknown>[] = [];
        let failedCalls = 0;
        await sut.subscribe(deadLetterContractOf(topic), collect(dead), { group: `g-${run}-batch-dlt` });
        await sut.subscribeBatch(
          topic,
          (batch) => {
            if (!batch.some((m) => m.value.orderId === 'poison')) return batchesOf(batches)(batch);
            failedCalls += 1;
            return Promise.reject(new Error('account a-1 is closed'));
          },
          { group: `g-${run}-batch-poison`, maxAttempts: 3, backoffMs: 10, lingerMs: 200 },
        );
        await sut.publish(topic, order('first'), { key: 'k-1' });
        await sut.publish(topic, order('before'), { key: 'k-1' });
        await sut.publish(topic, order('poison'), { key: 'k-1', id: '0b6f3a1e-2c4d-4e5f-8a9b-1c2d3e4f5a6b' });
        await sut.publish(topic, order('same-key-next'), { key: 'k-1' });
        await sut.publish(topic, order('other-key'), { key: 'k-2' });
        await waitFor('the four good messages and the dead letter', () => orderIds(batches).length === 4 && dead.length === 1);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(orderIds(batches).sort()).toEqual(['before', 'first', 'other-key', 'same-key-next']);
        expect(orderIds(batches).filter((id) => id !== 'other-key')).toEqual(['first', 'before', 'same-key-next']);
        expect(failedCalls).toBeGreaterThanOrEqual(3);
        expect(dead).toHaveLength(1);
        expect(dead[0]).toMatchObject({ key: 'k-1', value: order('poison'), id: '0b6f3a1e-2c4d-4e5f-8a9b-1c2d3e4f5a6b' });
        expect(dead[0].headers).toMatchObject({ [Headers.error]: 'account a-1 is closed', [Headers.attempt]: '3' });
      });

      it('dead-letters at once a message of a batch that fails the schema and hands over the others', async () => {
        const topic = eventTopic();
        const loose = { name: topic.name, schema: z.object({ orderId: z.string() }) };
        const batches: Envelope<Order>[][] = [];
        const dead: Envelope<unknown>[] = [];
        await sut.subscribe(deadLetterContractOf(topic), collect(dead), { group: `g-${run}-batch-dlt2` });
        await sut.subscribeBatch(topic, batchesOf(batches), { group: `g-${run}-batch-strict`, lingerMs: 100 });
        await sut.publish(topic, order('o-before'), { key: 'k' });
        await sut.publish(loose, { orderId: 'o-old-shape' }, { key: 'k' });
        await sut.publish(topic, order('o-after'), { key: 'k' });
        await waitFor('both valid messages and the dead letter', () => orderIds(batches).length === 2 && dead.length === 1);
        expect(orderIds(batches)).toEqual(['o-before', 'o-after']);
        expect(dead[0].value).toEqual({ orderId: 'o-old-shape' });
        expect(dead[0].headers[Headers.attempt]).toBe('1');
        expect(dead[0].headers[Headers.error]).toMatch(/seq/);
      });

      it('retries a failing batch whole, with backoff, and settles it without a dead letter', async () => {
        const topic = eventTopic();
        const calls: { at: number; ids: string[] }[] = [];
        const dead: Envelope<unknown>[] = [];
        await sut.subscribe(deadLetterContractOf(topic), collect(dead), { group: `g-${run}-batch-dlt3` });
        await sut.subscribeBatch(
          topic,
          (batch) => {
            calls.push({ at: Date.now(), ids: batch.map((m) => m.value.orderId) });
            return calls.length < 3 ? Promise.reject(new Error('ledger busy')) : Promise.resolve();
          },
          { group: `g-${run}-batch-retry`, maxAttempts: 3, backoffMs: 50 },
        );
        await sut.publish(topic, order('o-retry'), { key: 'k' });
        await waitFor('the third attempt', () => calls.length === 3);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(calls.map((c) => c.ids)).toEqual([['o-retry'], ['o-retry'], ['o-retry']]);
        expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(45);
        expect(calls[2].at - calls[1].at).toBeGreaterThanOrEqual(95);
        expect(dead).toHaveLength(0);
      });
    });

    it('drains in-flight handlers on stop() and reports itself unhealthy afterwards', async () => {
      const other = await factory();
      const topic = defineCommand(`contract-${run}.drain.v1`, orderSchema);
      const state = { started: false, finished: false };
      await other.subscribe(
        topic,
        async () => {
          state.started = true;
          await new Promise((resolve) => setTimeout(resolve, 300));
          state.finished = true;
        },
        { group: `g-${run}-drain` },
      );
      await other.start();
      expect(await other.isHealthy()).toBe(true);
      await other.publish(topic, order('o-drain'), { key: 'k' });
      await waitFor('the handler to start', () => state.started);
      await other.stop();
      expect(state.finished).toBe(true);
      expect(await other.isHealthy()).toBe(false);
    });
  });
}
