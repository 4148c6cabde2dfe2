import type { Rail, RailAttempt, RailOutcome, RailPreparation, RailRequest } from '../ports/rail.port';

/**
 * A rail that answers what the test told it (approved by default), in order; it can refuse to
 * route, and hold an answer until the test releases it (an operation still in progress).
 */
export class FakeRail implements Rail {
  readonly prepared: RailRequest[] = [];
  readonly sent: RailAttempt[] = [];
  private readonly answers: RailOutcome[] = [];
  private noRoute = false;
  private held?: Promise<void>;
  private sequence = 0;

  answer(...outcomes: RailOutcome[]): this {
    this.answers.push(...outcomes);
    return this;
  }

  refuseRoutes(): this {
    this.noRoute = true;
    return this;
  }

  /** The next send waits until the returned function is called. */
  hold(): () => void {
    let release!: () => void;
    this.held = new Promise((resolve) => (release = resolve));
    return release;
  }

  prepare(request: RailRequest): Promise<RailPreparation> {
    this.prepared.push(request);
    if (this.noRoute) return Promise.resolve({ ok: false, responseCode: '92', reason: 'no acquirer takes BIN 999999' });
    this.sequence += 1;
    const stan = String(this.sequence).padStart(6, '0');
    const mti = request.kind === 'card' ? '0200' : request.operation === 'completion' ? '0220' : request.operation === 'refund' ? '0200' : '0400';
    const reference = { acquirerId: 'fake', stan, rrn: `6340${stan}00`, sentAt: new Date(), mti, processingCode: '000000' };
    return Promise.resolve({ ok: true, attempt: { reference, message: request } });
  }

  async send(attempt: RailAttempt): Promise<RailOutcome> {
    this.sent.push(attempt);
    const held = this.held;
    this.held = undefined;
    if (held) await held;
    return this.answers.shift() ?? { kind: 'approved', approvalCode: `A${attempt.reference.stan.slice(-5)}` };
  }
}
