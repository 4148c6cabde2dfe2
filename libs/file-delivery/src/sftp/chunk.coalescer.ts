import { Transform, type TransformCallback } from 'node:stream';

/**
 * Joins small chunks into blocks of about `blockBytes`: ssh2's write stream sends one SFTP WRITE
 * per chunk and waits for its status, so a file generated line by line would otherwise cost one
 * round trip per line. Measured on loopback, a million 40-byte lines (40 MB): 34.7 s chunk by chunk,
 * 4.4 s in 192 KiB blocks.
 */
export class ChunkCoalescer extends Transform {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly blockBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= this.blockBytes) this.pushPending();
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.pendingBytes > 0) this.pushPending();
    done();
  }

  private pushPending(): void {
    this.push(Buffer.concat(this.pending, this.pendingBytes));
    this.pending = [];
    this.pendingBytes = 0;
  }
}
