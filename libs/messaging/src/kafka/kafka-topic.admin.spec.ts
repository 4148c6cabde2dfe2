import { Admin, KafkaJSNonRetriableError } from 'kafkajs';

import { KafkaTopicAdmin } from './kafka-topic.admin';

const quiet = { warn: () => undefined, error: () => undefined };

/** An admin client whose fetchTopicOffsets fails as kafkajs 2.2.4 does before the topic's partitions are known. */
function adminFailingFirst(failures: number, error: () => Error): { admin: Admin; calls: () => number } {
  let calls = 0;
  const admin = {
    fetchOffsets: () =>
      Promise.resolve([
        {
          topic: 't',
          partitions: [
            { partition: 0, offset: '-1' },
            { partition: 1, offset: '7' },
          ],
        },
      ]),
    fetchTopicOffsets: () => {
      calls += 1;
      if (calls <= failures) return Promise.reject(error());
      return Promise.resolve([
        { partition: 0, offset: '42', high: '42', low: '0' },
        { partition: 1, offset: '9', high: '9', low: '0' },
      ]);
    },
  } as unknown as Admin;
  return { admin, calls: () => calls };
}

describe(KafkaTopicAdmin.name, () => {
  const layout = { partitions: 2, replicationFactor: 1 };
  // kafkajs's retrier bails out with the TypeError itself.
  const missingMetadata = (): Error => new TypeError("Cannot destructure property 'partitions' of 'low.pop(...)' as it is undefined.");

  it('starts a new group at the end of each partition it never committed', async () => {
    const { admin } = adminFailingFirst(0, missingMetadata);
    const sut = new KafkaTopicAdmin(admin, layout, quiet);
    expect(await sut.uncommittedEnds('g', 't')).toEqual(new Map([[0, '42']]));
  });

  it('waits out a topic whose partitions a freshly formatted broker does not know yet', async () => {
    const { admin, calls } = adminFailingFirst(2, missingMetadata);
    const sut = new KafkaTopicAdmin(admin, layout, quiet);
    expect(await sut.uncommittedEnds('g', 't')).toEqual(new Map([[0, '42']]));
    expect(calls()).toBe(3);
  });

  it('does not retry an error that is not transient', async () => {
    const { admin, calls } = adminFailingFirst(1, () => new KafkaJSNonRetriableError('not authorized'));
    const sut = new KafkaTopicAdmin(admin, layout, quiet);
    await expect(sut.uncommittedEnds('g', 't')).rejects.toThrow(/not authorized/);
    expect(calls()).toBe(1);
  });
});
