/**
 * A frame or message that cannot be read. `reason` names the rule broken; the message never
 * carries payload bytes (they may hold encrypted card data).
 */
export type FrameErrorReason = 'bad-start-byte' | 'length-mismatch' | 'bad-check-byte' | 'truncated' | 'unknown-command' | 'malformed-payload';

export class PinPadFrameError extends Error {
  override readonly name = 'PinPadFrameError';

  constructor(
    readonly reason: FrameErrorReason,
    detail: string,
    /** The frame's sequence number when its header could be read. */
    readonly seq?: number,
  ) {
    super(`${reason}: ${detail}`);
  }
}
