import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import type { DeliverySource } from '../file-delivery.port';

export interface Digest {
  readonly sizeBytes: number;
  readonly sha256: string;
}

/** Passes bytes through unchanged while counting and hashing them: one read of the source. */
export class DigestStream extends Transform {
  private readonly hash = createHash('sha256');
  private bytes = 0;
  private hex?: string;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    this.hex = this.hash.digest('hex');
    done();
  }

  /** Only once the stream ended. */
  digest(): Digest {
    if (this.hex === undefined) throw new Error('DigestStream: digest() before the end of the stream');
    return { sizeBytes: this.bytes, sha256: this.hex };
  }
}

export function openSource(source: DeliverySource): Readable {
  return 'path' in source ? createReadStream(source.path) : source.stream;
}

/** Reads a stream to its end; its size and SHA-256. */
export async function digestOf(stream: Readable): Promise<Digest> {
  const digest = new DigestStream();
  await pipeline(stream, digest, async (chunks: AsyncIterable<Buffer>) => {
    for await (const _ of chunks) {
      // drained: only the digest matters
    }
  });
  return digest.digest();
}

export function sameDigest(a: Digest, b: Digest): boolean {
  return a.sizeBytes === b.sizeBytes && a.sha256 === b.sha256;
}

export function textStream(text: string): Readable {
  return Readable.from([Buffer.from(text, 'utf8')]);
}
