import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { type FileLayout, LayoutFileEncoder, loadLayoutFile, SHIPPED_LAYOUT_NAMES, shippedLayout, writeLayoutFile } from '@payments/file-layout';

import type { BatchLineRow } from './settlement-file.detail';
import { fileDetailOf } from './settlement-file.detail';
import type { FileRecipe, WrittenFile } from './settlement-file';

/** A shipped layout by its name, or a layout file by its path. */
export function layoutNamed(layout: string): FileLayout {
  if (SHIPPED_LAYOUT_NAMES.includes(layout)) return shippedLayout(layout);
  if (!existsSync(layout)) throw new Error(`layout "${layout}" is neither shipped (${SHIPPED_LAYOUT_NAMES.join(', ')}) nor a file`);
  return loadLayoutFile(layout);
}

/** The file name a layout gives a batch's file (the writer would give the same). */
export function fileNameOf(layout: FileLayout, recipe: Omit<FileRecipe, 'id' | 'batchId' | 'fileName' | 'layout'>): string {
  return new LayoutFileEncoder(layout, contextOf(recipe)).fileName;
}

/**
 * Writes a batch's file to `path` in one pass: its lines read a page at a time and encoded as they
 * come, the bytes hashed on their way to the disk. Only the recipe and the lines go in (no clock),
 * so a second writing gives the same bytes.
 */
export async function writeAcquirerFile(recipe: FileRecipe, lines: AsyncIterable<BatchLineRow>, path: string): Promise<WrittenFile> {
  const layout = layoutNamed(recipe.layout);
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const details = (async function* () {
    for await (const line of lines) yield fileDetailOf(line);
  })();
  const [summary] = await Promise.all([writeLayoutFile(layout, contextOf(recipe), details, tap), pipeline(tap, createWriteStream(path))]);
  if (summary.fileName !== recipe.fileName) throw new Error(`layout ${recipe.layout} now names the file ${summary.fileName}, not ${recipe.fileName}`);
  return { byteLength: summary.byteLength, sha256: hash.digest('hex'), detailCount: summary.detailCount, totals: summary.totals };
}

function contextOf(recipe: Pick<FileRecipe, 'businessDay' | 'createdAt' | 'sequence' | 'values'>) {
  return { businessDay: recipe.businessDay, createdAt: recipe.createdAt, sequence: recipe.sequence, values: recipe.values };
}
