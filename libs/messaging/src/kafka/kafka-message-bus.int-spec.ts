import { z } from 'zod';

import { defineEvent } from '@payments/contracts';
import { scrapedSample } from '@payments/observability';

import { BusLogger } from '../core/bus-logger';
import { Envelope } from '../message-bus.port';
import { describeMessageBusContract } from '../testing/message-bus.contract';
import { uniqueSuffix, waitFor } from '../testing/wait-for.util';
import { KafkaMessageBus } from './kafka-message-bus';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const quiet: BusLogger = { warn: () => undefined, error: () => undefined };

function bus(clientId: string, lagEveryMs?: number): KafkaMessageBus {
  return new KafkaMessageBus({ brokers, clientId: `int-${clientId}`, logger: quiet, lagEveryMs });
}

/** Polls messaging_consumer_lag of (topic, group) until it reads `expected`; fails with the last reading. */
async function lagReaches(topic: string, group: string, expected: number): Promise<void> {
  let last: number | undefined;
  for (const until = Date.now() + 15_000; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 200))) {
    last = await scrapedSample('messaging_consumer_lag', { topic, group });
    if (last === expected) return;
  }
  throw new Error(`messaging_consumer_lag{topic="${topic}",group="${group}"} stayed ${last}, not ${expected}`);
}

describeMessageBusContract(KafkaMessageBus.name, () => bus('contract'), { testTimeoutMs: 30_000 });

describe(KafkaMessageBus.name, () => {
  jest.setTimeout(30_000);
  const run = uniqueSuffix();
  const topic = defineEvent(`int.${run}.terminal-registered.v1`, z.object({ terminalId: z.string() }));
  const collect = (into: string[]) => (m: Envelope<{ terminalId: string }>) => Promise.resolve(void into.push(m.value.terminalId));

  it('starts a new group at the end of the topic and resumes a known group where it committed', async () => {
    const first = bus('int-a');
    await first.start();
    await first.publish(topic, { terminalId: 'before-any-group' }, { key: 'T1' });
    const got: string[] = [];
    await first.subscribe(topic, collect(got), { group: `g-${run}` });
    await first.publish(topic, { terminalId: 'right-after-subscribe' }, { key: 'T1' });
    await waitFor('the first message', () => got.length === 1);
    await first.stop();

    const second = bus('int-b');
    await second.start();
    await second.publish(topic, { terminalId: 'while-the-group-was-down' }, { key: 'T2' });
    await second.subscribe(topic, collect(got), { group: `g-${run}` });
    await waitFor('the message published while down', () => got.length === 2);
    await second.stop();
    expect(got).toEqual(['right-after-subscribe', 'while-the-group-was-down']);
  });

  it('delivers the first message published right after subscribe() to a brand-new group (no join race)', async () => {
    const sut = bus('int-race');
    await sut.start();
    try {
      const got: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        const fresh = defineEvent(`int.${run}.race${i}.v1`, z.object({ terminalId: z.string() }));
        await sut.subscribe(fresh, collect(got), { group: `race-${run}-${i}-a` });
        await sut.subscribe(fresh, collect(got), { group: `race-${run}-${i}-b` });
        await sut.publish(fresh, { terminalId: `T${i}` }, { key: `T${i}` });
      }
      await waitFor('all first messages in both groups', () => got.length === 10);
      expect(got.sort()).toEqual(['T0', 'T0', 'T1', 'T1', 'T2', 'T2', 'T3', 'T3', 'T4', 'T4']);
    } finally {
      await sut.stop();
    }
  });

  it('reports the messages a group has not consumed yet as messaging_consumer_lag, and 0 once it caught up', async () => {
    const group = `lag-${run}`;
    const lagTopic = defineEvent(`int.${run}.lag.v1`, z.object({ terminalId: z.string() }));
    const first = bus('int-lag-a');
    await first.start();
    const got: string[] = [];
    await first.subscribe(lagTopic, collect(got), { group });
    await first.publish(lagTopic, { terminalId: 'committed' }, { key: 'L' });
    await waitFor('the first message', () => got.length === 1);
    await first.stop();

    const second = bus('int-lag-b', 0);
    await second.start();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    try {
      for (let i = 0; i < 4; i += 1) await second.publish(lagTopic, { terminalId: `waiting-${i}` }, { key: 'L' });
      await second.subscribe(lagTopic, (m) => held.then(() => collect(got)(m)), { group });
      await lagReaches(lagTopic.name, group, 4);
      release();
      await waitFor('the four waiting messages', () => got.length === 5);
      await lagReaches(lagTopic.name, group, 0);
    } finally {
      release();
      await second.stop();
    }
  });

  it('fails start() when no broker answers', async () => {
    const unreachable = new KafkaMessageBus({ brokers: ['127.0.0.1:1'], clientId: 'int-unreachable', logger: quiet });
    await expect(unreachable.start()).rejects.toThrow();
    expect(await unreachable.isHealthy()).toBe(false);
    await unreachable.stop();
  });
});
