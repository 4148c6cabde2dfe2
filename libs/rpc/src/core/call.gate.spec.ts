import { RpcCancelledError, RpcDeadlineError } from '../rpc.errors';
import { CallGate } from './call.gate';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(CallGate.name, () => {
  const open = new AbortController().signal;

  it('runs at most `limit` calls at once, the others in arrival order', async () => {
    const sut = new CallGate('/p.v1.S/M', 2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const work = (n: number) => async () => {
      running += 1;
      most = Math.max(most, running);
      await sleep(20);
      order.push(n);
      running -= 1;
      return n;
    };
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => sut.run(Date.now() + 5_000, open, work(n))));
    expect(results).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(order.slice(2)).toEqual([3, 4, 5]);
  });

  it('never starts a call whose deadline passed or whose caller cancelled while it waited', async () => {
    const sut = new CallGate('/p.v1.S/M', 1);
    const started: string[] = [];
    const work = (name: string, ms: number) => () => Promise.resolve(void started.push(name)).then(() => sleep(ms));
    const cancelled = new AbortController();
    const first = sut.run(Date.now() + 5_000, open, work('first', 100));
    const late = sut.run(Date.now() + 50, open, work('late', 0));
    const gone = sut.run(Date.now() + 5_000, cancelled.signal, work('gone', 0));
    const next = sut.run(Date.now() + 5_000, open, work('next', 0));
    cancelled.abort();

    await expect(late).rejects.toThrow(RpcDeadlineError);
    await expect(gone).rejects.toThrow(RpcCancelledError);
    await Promise.all([first, next]);
    expect(started).toEqual(['first', 'next']);
  });
});
