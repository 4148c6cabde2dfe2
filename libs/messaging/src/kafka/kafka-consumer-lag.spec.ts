import { KafkaConsumerLag, type LagAdmin } from './kafka-consumer-lag';

/** An admin whose offsets the test sets, counting how often the broker would be asked. */
function fakeAdmin() {
  const state = { ends: [] as { partition: number; high: string }[], committed: [] as { partition: number; offset: string }[], reads: 0, fail: false };
  const admin = {
    fetchTopicOffsets: () => {
      state.reads += 1;
      if (state.fail) return Promise.reject(new Error('broker gone'));
      return Promise.resolve(state.ends.map((e) => ({ ...e, low: '0', offset: e.high })));
    },
    fetchOffsets: ({ topics }: { topics: string[] }) =>
      Promise.resolve([{ topic: topics[0], partitions: state.committed.map((c) => ({ ...c, metadata: null })) }]),
  } as unknown as LagAdmin;
  return { admin, state };
}

describe(KafkaConsumerLag.name, () => {
  it('sums end minus committed offsets over the partitions, a partition never committed counting 0', async () => {
    const { admin, state } = fakeAdmin();
    state.ends = [
      { partition: 0, high: '120' },
      { partition: 1, high: '50' },
      { partition: 2, high: '9' },
    ];
    state.committed = [
      { partition: 0, offset: '100' },
      { partition: 1, offset: '50' },
      { partition: 2, offset: '-1' },
    ];
    const lag = new KafkaConsumerLag(admin, () => [{ topic: 'payments.transaction.authorized.v1', group: 'settlement' }], 15_000);

    expect(await lag.read()).toEqual([{ topic: 'payments.transaction.authorized.v1', group: 'settlement', lag: 20 }]);
  });

  it('asks the broker at most once per interval however often it is scraped, and keeps the last figures when a read fails', async () => {
    const { admin, state } = fakeAdmin();
    state.ends = [{ partition: 0, high: '10' }];
    state.committed = [{ partition: 0, offset: '4' }];
    let now = 1_000_000;
    const lag = new KafkaConsumerLag(
      admin,
      () => [{ topic: 't', group: 'g' }],
      15_000,
      () => now,
    );

    const concurrent = await Promise.all([lag.read(), lag.read(), lag.read()]);
    now += 14_000;
    state.ends = [{ partition: 0, high: '30' }];
    const cached = await lag.read();
    expect(state.reads).toBe(1);
    expect([...concurrent, cached].map((r) => r[0].lag)).toEqual([6, 6, 6, 6]);

    now += 2_000;
    expect((await lag.read())[0].lag).toBe(26);
    now += 16_000;
    state.fail = true;
    expect((await lag.read())[0].lag).toBe(26);
    expect(state.reads).toBe(3);
  });
});
