import { z } from 'zod';

import { defineEvent, defineRequest } from '@payments/contracts';

import { BusLogger } from '../core/bus-logger';
import { OutgoingMessage } from '../core/raw-message';
import { Envelope, RequestTimeoutError } from '../message-bus.port';
import { describeMessageBusContract } from '../testing/message-bus.contract';
import { waitFor } from '../testing/wait-for.util';
import { InMemoryMessageBus } from './in-memory-message-bus';

describeMessageBusContract(InMemoryMessageBus.name, () => new InMemoryMessageBus({ serviceName: 'contract', logger: silentLogger() }));

function silentLogger(): BusLogger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, warn: (message) => void warnings.push(message), error: (message) => void warnings.push(message) };
}

describe(InMemoryMessageBus.name, () => {
  const topic = defineEvent('test.terminal.registered.v1', z.object({ terminalId: z.string() }));
  let sut: InMemoryMessageBus;
  let logger: ReturnType<typeof silentLogger>;

  beforeEach(() => {
    logger = silentLogger();
    sut = new InMemoryMessageBus({ serviceName: 'gateway', logger });
  });

  afterEach(() => sut.stop());

  it('never runs a handler inside the publisher call stack', async () => {
    await sut.start();
    const got: string[] = [];
    await sut.subscribe(topic, (m) => Promise.resolve(void got.push(m.value.terminalId)), { group: 'g' });
    await sut.publish(topic, { terminalId: 'T1' }, { key: 'T1' });
    expect(got).toEqual([]);
    await waitFor('delivery', () => got.length === 1);
  });

  it('holds deliveries until start()', async () => {
    const got: string[] = [];
    await sut.subscribe(topic, (m) => Promise.resolve(void got.push(m.value.terminalId)), { group: 'g' });
    await sut.publish(topic, { terminalId: 'T1' }, { key: 'T1' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(got).toEqual([]);
    await sut.start();
    await waitFor('delivery after start', () => got.length === 1);
  });

  it('shares the messages of one group between its handlers, each message once', async () => {
    await sut.start();
    const first: Envelope<{ terminalId: string }>[] = [];
    const second: Envelope<{ terminalId: string }>[] = [];
    await sut.subscribe(topic, (m) => Promise.resolve(void first.push(m)), { group: 'shared' });
    await sut.subscribe(topic, (m) => Promise.resolve(void second.push(m)), { group: 'shared' });
    for (let i = 0; i < 20; i += 1) await sut.publish(topic, { terminalId: `T${i}` }, { key: `T${i}` });
    await waitFor('all 20', () => first.length + second.length === 20);
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    expect(new Set([...first, ...second].map((m) => m.value.terminalId)).size).toBe(20);
  });

  it('logs a late reply as a warning when no onLateReply handler is registered', async () => {
    await sut.start();
    const contract = defineRequest('antifraud.assess-test.v1', z.object({ n: z.number() }), z.object({ score: z.number() }));
    await sut.serve(
      contract,
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        return { score: 7 };
      },
      { group: 'antifraud' },
    );
    await expect(sut.request(contract, { n: 1 }, { key: 'k', timeoutMs: 20 })).rejects.toThrow(/no reply on antifraud.assess-test.v1 within 20 ms/);
    await waitFor('the warning', () => logger.warnings.length === 1);
    expect(logger.warnings[0]).toMatch(/late reply and no onLateReply handler/);
  });

  it('times out a request whose send outlasts the deadline (the deadline counts from the request, not from the send)', async () => {
    class SlowSendBus extends InMemoryMessageBus {
      protected override async send(message: OutgoingMessage): Promise<void> {
        await new Promise((resolve) => setTimeout(resolve, 60));
        return super.send(message);
      }
    }
    const slow = new SlowSendBus({ serviceName: 'authorization', logger });
    try {
      await slow.start();
      const contract = defineRequest('antifraud.assess-slow.v1', z.object({ n: z.number() }), z.object({ score: z.number() }));
      await slow.serve(contract, () => Promise.resolve({ score: 1 }), { group: 'antifraud' });
      const started = Date.now();
      await expect(slow.request(contract, { n: 1 }, { key: 'k', timeoutMs: 10 })).rejects.toBeInstanceOf(RequestTimeoutError);
      expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    } finally {
      await slow.stop();
    }
  });

  it('rejects a reply that violates the reply schema', async () => {
    await sut.start();
    const contract = defineRequest('antifraud.assess-bad.v1', z.object({ n: z.number() }), z.object({ score: z.number() }));
    await sut.serve(contract, () => Promise.resolve({ score: 'high' } as unknown as { score: number }), { group: 'antifraud' });
    await expect(sut.request(contract, { n: 1 }, { key: 'k', timeoutMs: 1_000 })).rejects.toThrow(/score/);
  });

  it('refuses to publish after stop()', async () => {
    await sut.start();
    await sut.stop();
    await expect(sut.publish(topic, { terminalId: 'T1' }, { key: 'T1' })).rejects.toThrow(/stopped/);
  });
});
