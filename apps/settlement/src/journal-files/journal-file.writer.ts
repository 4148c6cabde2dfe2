import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';

import { type FileContext, type FileLayout, LayoutFileEncoder } from '@payments/file-layout';

import { layoutNamed } from '../files/acquirer-file.writer';
import { balancedTotalsOf, type JournalEntryRow, journalDetailOf, type JournalTotals } from './journal-entry';
import type { JournalFileRecipe, WrittenJournalFile } from './journal-file';

/** The layout's context: the configured values, the currency, and the trailer's totals (minor units). */
function contextOf(recipe: Omit<JournalFileRecipe, 'id' | 'fileName' | 'acquirers' | 'layout'>, totals?: JournalTotals): FileContext {
  const values = { ...recipe.values, currency: recipe.currency, totalDebitMinor: totals?.debitMinor ?? 0n, totalCreditMinor: totals?.creditMinor ?? 0n };
  return { businessDay: recipe.businessDay, createdAt: recipe.createdAt, sequence: recipe.sequence, values };
}

/** The file name a layout gives a day's journal file in a currency. */
export function journalFileNameOf(layout: FileLayout, recipe: Omit<JournalFileRecipe, 'id' | 'fileName' | 'acquirers' | 'layout'>): string {
  return new LayoutFileEncoder(layout, contextOf(recipe)).fileName;
}

/**
 * Writes a day's journal file in one currency to `path`: every entry, the trailer with the count,
 * both totals and the checksum. A day whose debits differ from its credits is refused before a
 * byte is written. Only the recipe and the entries go in (no clock): a second writing gives the
 * same bytes. A day's entries are aggregated postings (a few per account pair and acquirer), so
 * the file is built in memory.
 */
export async function writeJournalFile(recipe: JournalFileRecipe, rows: readonly JournalEntryRow[], path: string): Promise<WrittenJournalFile> {
  const details = rows.map((row) => journalDetailOf(row, recipe.businessDay));
  const totals = balancedTotalsOf(recipe.businessDay, recipe.currency, details);
  const encoder = new LayoutFileEncoder(layoutNamed(recipe.layout), contextOf(recipe, totals));
  if (encoder.fileName !== recipe.fileName) throw new Error(`layout ${recipe.layout} now names the file ${encoder.fileName}, not ${recipe.fileName}`);
  const chunks: Buffer[] = [];
  for await (const chunk of encoder.chunks(details)) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  await writeFile(path, bytes);
  return { ...totals, byteLength: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}
