import { KafkaMessage } from 'kafkajs';

import { PartitionBatchCoalescer } from './partition-batch.coalescer';

const messages = (...offsets: number[]): KafkaMessage[] =>
  offsets.map((offset) => ({ offset: String(offset), key: null, value: null, timestamp: '0', attributes: 0, headers: {} }));
const offsetsOf = (calls: KafkaMessage[][]) => calls.map((call) => call.map((m) => Number(m.offset)));
const keepAlive = () => Promise.resolve();

describe(PartitionBatchCoalescer.name, () => {
  it('joins the pieces of one turn into one handler call, and settles each piece with it', async () => {
    const calls: KafkaMessage[][] = [];
    let finish: () => void = () => undefined;
    const sut = new PartitionBatchCoalescer(10, (batch) => {
      calls.push(batch);
      return new Promise<void>((resolve) => (finish = resolve));
    });
    let settled = 0;

    const pieces = [sut.add(messages(1, 2), keepAlive), sut.add(messages(7), keepAlive), sut.add(messages(4, 5), keepAlive)].map((p) =>
      p.then(() => (settled += 1)),
    );
    await new Promise((resolve) => setImmediate(resolve));

    expect(offsetsOf(calls)).toEqual([[1, 2, 7, 4, 5]]);
    expect(settled).toBe(0);
    finish();
    await Promise.all(pieces);
    expect(settled).toBe(3);
  });

  it('never hands over more than maxBatchSize at once', async () => {
    const calls: KafkaMessage[][] = [];
    const sut = new PartitionBatchCoalescer(3, (batch) => Promise.resolve(void calls.push(batch)));

    await Promise.all([
      sut.add(messages(1, 2), keepAlive),
      sut.add(messages(3, 4), keepAlive),
      sut.add(messages(5), keepAlive),
      sut.add(messages(6, 7, 8), keepAlive),
    ]);

    expect(offsetsOf(calls)).toEqual([
      [1, 2],
      [3, 4, 5],
      [6, 7, 8],
    ]);
  });

  it('rejects every piece of a call that failed, so none of their offsets is resolved', async () => {
    const sut = new PartitionBatchCoalescer(10, () => Promise.reject(new Error('dead-letter topic unreachable')));

    const results = await Promise.allSettled([sut.add(messages(1), keepAlive), sut.add(messages(2), keepAlive)]);

    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
