/** Frame bytes of the PIN pad protocol (docs/pinpad-protocol.md §2). */
export const STX = 0x02;
export const ETX = 0x03;
export const ACK = 0x06;
export const NAK = 0x15;

/** LEN counts CODE + DATA; 1024 is far above the largest message (a chip read, ~300 bytes). */
export const MAX_FRAME_LENGTH = 1024;
/** STX SEQ LEN(2) before CODE; ETX LRC after DATA. */
export const FRAME_HEADER_BYTES = 4;
export const FRAME_TRAILER_BYTES = 2;

/** A checked frame: sequence number, command or answer code, and its payload. */
export interface Frame {
  readonly seq: number;
  readonly code: number;
  readonly payload: Buffer;
}

/** What the line carries: a frame, or a one-frame acknowledgement. */
export type LineEvent =
  | { readonly kind: 'frame'; readonly frame: Frame }
  | { readonly kind: 'ack'; readonly seq: number }
  | { readonly kind: 'nak'; readonly seq: number; readonly reason: NakReason };

/** Why a receiver refused a frame; the byte after NAK SEQ (docs/pinpad-protocol.md §3). */
export const NAK_REASONS = {
  'bad-check-byte': 0x01,
  'length-mismatch': 0x02,
  'bad-start-byte': 0x03,
  truncated: 0x04,
  'out-of-order': 0x05,
} as const;

export type NakReason = keyof typeof NAK_REASONS | 'unknown';

export function nakReasonOf(byte: number): NakReason {
  const found = (Object.keys(NAK_REASONS) as (keyof typeof NAK_REASONS)[]).find((reason) => NAK_REASONS[reason] === byte);
  return found ?? 'unknown';
}
