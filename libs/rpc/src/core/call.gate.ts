import { RpcCancelledError, RpcDeadlineError } from '../rpc.errors';

interface Waiting {
  readonly deadlineAt: number;
  readonly signal: AbortSignal;
  readonly admit: () => void;
  readonly refuse: (error: Error) => void;
}

/**
 * How many calls of one method run at once; the rest wait in arrival order. A request topic did
 * this by its partitions: without it a burst starts every call together and they all starve on
 * the database pool. A call whose caller gave up (deadline, cancel) while waiting never starts:
 * nothing is done for a register that is no longer listening.
 */
export class CallGate {
  private running = 0;
  private readonly waiting: Waiting[] = [];

  constructor(
    private readonly path: string,
    private readonly limit: number,
  ) {}

  async run<T>(deadlineAt: number, signal: AbortSignal, work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await this.admission(deadlineAt, signal);
    else this.running += 1;
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private admission(deadlineAt: number, signal: AbortSignal): Promise<void> {
    return new Promise((admit, refuse) => this.waiting.push({ deadlineAt, signal, admit, refuse }));
  }

  /** The slot goes to the next caller still waiting for an answer; the others are refused. */
  private release(): void {
    for (let next = this.waiting.shift(); next; next = this.waiting.shift()) {
      if (next.signal.aborted) next.refuse(new RpcCancelledError(this.path));
      else if (next.deadlineAt <= Date.now()) next.refuse(new RpcDeadlineError(this.path, 0));
      else return next.admit();
    }
    this.running -= 1;
  }
}
