import { SingleWriterQueue } from './single-writer.queue';

describe(SingleWriterQueue.name, () => {
  it('writes what arrives during a write as the next batch, answering each caller in order', async () => {
    const batches: number[][] = [];
    const sut = new SingleWriterQueue<number, string>(async (items) => {
      batches.push(items);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return items.map((i) => `done ${i}`);
    });
    const first = sut.submit(1);
    const rest = [2, 3, 4].map((i) => sut.submit(i));
    expect(await Promise.all([first, ...rest])).toEqual(['done 1', 'done 2', 'done 3', 'done 4']);
    expect(batches).toEqual([[1, 2, 3, 4]]);
    const later = await Promise.all([sut.submit(5), sut.submit(6)]);
    expect(later).toEqual(['done 5', 'done 6']);
    expect(batches).toEqual([
      [1, 2, 3, 4],
      [5, 6],
    ]);
  });

  it('never writes two batches at once, and keeps batches within the bound', async () => {
    let writing = 0;
    const sizes: number[] = [];
    const sut = new SingleWriterQueue<number, number>(async (items) => {
      writing += 1;
      expect(writing).toBe(1);
      sizes.push(items.length);
      await new Promise((resolve) => setTimeout(resolve, 1));
      writing -= 1;
      return items;
    }, 3);
    expect(await Promise.all(Array.from({ length: 10 }, (_, i) => sut.submit(i)))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sizes).toEqual([3, 3, 3, 1]);
  });

  it('rejects only the callers of a batch whose write failed', async () => {
    let calls = 0;
    const sut = new SingleWriterQueue<string, string>(async (items) => {
      calls += 1;
      await Promise.resolve();
      if (calls === 1) throw new Error('connection lost');
      return items;
    });
    const failed = Promise.all([sut.submit('a'), sut.submit('b')]);
    await expect(failed).rejects.toThrow('connection lost');
    expect(await sut.submit('c')).toBe('c');
  });
});
