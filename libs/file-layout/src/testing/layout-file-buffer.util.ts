import { Readable, Writable } from 'node:stream';

import type { FileContext } from '../definition/file-context.model';
import type { FileLayout } from '../definition/file-layout.model';
import { type LayoutFileSummary, writeLayoutFile } from '../file/layout-file.writer';
import type { DetailSource } from '../record/record.codec';

/** Writes a whole file into memory: its bytes and the writer's summary. */
export async function writeToBuffer(layout: FileLayout, context: FileContext, details: DetailSource): Promise<{ bytes: Buffer; summary: LayoutFileSummary }> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const summary = await writeLayoutFile(layout, context, details, sink);
  return { bytes: Buffer.concat(chunks), summary };
}

/** The bytes as a source for the reader, cut into pieces of `size` bytes (so that lines and characters straddle chunks). */
export function inPieces(bytes: Buffer, size = 7): Readable {
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
  return Readable.from(pieces);
}
