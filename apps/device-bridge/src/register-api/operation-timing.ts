import { performance } from 'node:perf_hooks';

/**
 * Where one register request's time went in the bridge: waiting on the lane's PIN pad (the
 * cardholder included), waiting on a gateway, and the rest, the bridge's own (its HTTP handling,
 * local state, framing). Sent back as a `Server-Timing` header (W3C Server Timing), so a register
 * or a benchmark can tell the bridge's added latency from the pad's and the gateway's.
 */
export class OperationTiming {
  private readonly started = performance.now();
  private padMs = 0;
  private gatewayMs = 0;

  /** Times `work` as waiting on the PIN pad. */
  pad<T>(work: () => Promise<T>): Promise<T> {
    return this.timed(work, (ms) => (this.padMs += ms));
  }

  /** Times `work` as waiting on a gateway. */
  gateway<T>(work: () => Promise<T>): Promise<T> {
    return this.timed(work, (ms) => (this.gatewayMs += ms));
  }

  /** `pad;dur=..., gateway;dur=..., bridge;dur=...` in milliseconds, the bridge's part being the rest of the time so far. */
  header(): string {
    const total = performance.now() - this.started;
    const bridge = Math.max(0, total - this.padMs - this.gatewayMs);
    return `pad;dur=${this.padMs.toFixed(2)}, gateway;dur=${this.gatewayMs.toFixed(2)}, bridge;dur=${bridge.toFixed(2)}`;
  }

  private async timed<T>(work: () => Promise<T>, add: (ms: number) => void): Promise<T> {
    const from = performance.now();
    try {
      return await work();
    } finally {
      add(performance.now() - from);
    }
  }
}
