import { ProducerBatch } from 'kafkajs';

import { ProduceBatcher } from './produce.batcher';

/** A producer that answers each request only when the test says so. */
function gatedProducer() {
  const requests: ProducerBatch[] = [];
  const gates: { open: () => void; fail: (e: Error) => void }[] = [];
  return {
    requests,
    gates,
    sendBatch: (batch: ProducerBatch) => {
      requests.push(batch);
      return new Promise<never[]>((resolve, reject) => gates.push({ open: () => resolve([]), fail: reject }));
    },
  };
}

const flushMicrotasks = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe(ProduceBatcher.name, () => {
  it('sends a lone message at once, then batches what queued while it was in flight, in order', async () => {
    const producer = gatedProducer();
    const sut = new ProduceBatcher(producer);
    const first = sut.send('a', { key: 'k', value: '1' });
    expect(producer.requests).toHaveLength(1);
    const rest = [sut.send('a', { key: 'k', value: '2' }), sut.send('b', { key: 'k', value: '3' }), sut.send('a', { key: 'j', value: '4' })];
    expect(producer.requests).toHaveLength(1);

    producer.gates[0].open();
    await first;
    await flushMicrotasks();
    expect(producer.requests).toHaveLength(2);
    expect(producer.requests[1].acks).toBe(-1);
    expect(producer.requests[1].topicMessages).toEqual([
      {
        topic: 'a',
        messages: [
          { key: 'k', value: '2' },
          { key: 'j', value: '4' },
        ],
      },
      { topic: 'b', messages: [{ key: 'k', value: '3' }] },
    ]);
    producer.gates[1].open();
    await Promise.all(rest);
  });

  it('fails every message of a failed request, and goes on with the next', async () => {
    const producer = gatedProducer();
    const sut = new ProduceBatcher(producer);
    const lost = sut.send('a', { value: '1' });
    const next = sut.send('a', { value: '2' });
    producer.gates[0].fail(new Error('broker went away'));
    await expect(lost).rejects.toThrow('broker went away');
    await flushMicrotasks();
    producer.gates[1].open();
    await expect(next).resolves.toBeUndefined();
  });

  it('never puts more than maxBatch messages in one request', async () => {
    const producer = gatedProducer();
    const sut = new ProduceBatcher(producer, 2);
    const sent = [1, 2, 3, 4].map((n) => sut.send('a', { value: String(n) }));
    producer.gates[0].open();
    await flushMicrotasks();
    expect(producer.requests[1].topicMessages![0].messages).toHaveLength(2);
    producer.gates[1].open();
    await flushMicrotasks();
    expect(producer.requests[2].topicMessages![0].messages).toEqual([{ value: '4' }]);
    producer.gates[2].open();
    await Promise.all(sent);
  });
});
