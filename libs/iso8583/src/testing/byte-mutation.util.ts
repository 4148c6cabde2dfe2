/** mulberry32: a tiny seeded PRNG so every run mutates the same way (reproducible failures). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomBytes(random: () => number, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(random() * 256);
  return out;
}

/**
 * One random damage to a valid message: a byte overwritten, the message truncated, a byte inserted
 * or deleted, a digit swapped for another digit (keeps most structure, so it reaches deeper into
 * the field table), the tail replaced by garbage, or the whole message replaced by garbage.
 */
export function mutate(base: Buffer, random: () => number): Buffer {
  const at = Math.floor(random() * base.length);
  const byte = Math.floor(random() * 256);
  switch (Math.floor(random() * 7)) {
    case 0: {
      const out = Buffer.from(base);
      out[at] = byte;
      return out;
    }
    case 1:
      return base.subarray(0, at);
    case 2:
      return Buffer.concat([base.subarray(0, at), Buffer.from([byte]), base.subarray(at)]);
    case 3:
      return Buffer.concat([base.subarray(0, at), base.subarray(at + 1)]);
    case 4: {
      const out = Buffer.from(base);
      out[at] = 0x30 + (byte % 10);
      return out;
    }
    case 5:
      return Buffer.concat([base.subarray(0, at), randomBytes(random, base.length - at)]);
    default:
      return randomBytes(random, Math.floor(random() * 2 * base.length));
  }
}
