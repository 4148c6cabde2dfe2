import { z } from 'zod';

import { defineEvent } from '@payments/contracts';

import { BusLogger } from '../core/bus-logger';
import { Envelope } from '../message-bus.port';
import { describeMessageBusContract } from '../testing/message-bus.contract';
import { waitFor } from '../testing/wait-for.util';
import { InMemoryMessageBus } from './in-memory-message-bus';

describeMessageBusContract(InMemoryMessageBus.name, () => new InMemoryMessageBus({ logger: silentLogger() }));

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
    sut = new InMemoryMessageBus({ logger });
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

  it('refuses a batch subscription in a group that consumes per message, and the other way round', async () => {
    const noop = () => Promise.resolve();
    await sut.subscribe(topic, noop, { group: 'per-message' });
    await sut.subscribeBatch(topic, noop, { group: 'batch' });

    await expect(sut.subscribeBatch(topic, noop, { group: 'per-message' })).rejects.toThrow(/per message/);
    await expect(sut.subscribe(topic, noop, { group: 'batch' })).rejects.toThrow(/in batches/);
  });

  it('refuses to publish after stop()', async () => {
    await sut.start();
    await sut.stop();
    await expect(sut.publish(topic, { terminalId: 'T1' }, { key: 'T1' })).rejects.toThrow(/stopped/);
  });
});
