import { randomBytes, randomUUID } from 'node:crypto';

export function newMessageId(): string {
  return randomUUID();
}

let lastMs = 0;
let sequence = 0;

/**
 * A UUIDv7 (RFC 9562 section 5.7) that is monotonic within this process: 48-bit ms time, then a
 * 12-bit counter in rand_a (method 1 of section 6.2). Outbox rows of one transaction share their
 * created_at, so the relay orders ties by id and this keeps insertion order.
 */
export function newTimeOrderedId(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    sequence += 1;
    if (sequence > 0xfff) {
      lastMs += 1;
      sequence = 0;
    }
    ms = lastMs;
  } else {
    lastMs = ms;
    sequence = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
