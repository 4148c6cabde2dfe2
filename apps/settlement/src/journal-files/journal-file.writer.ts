import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { type FileContext, type FileLayout, LayoutFileEncoder } from '@payments/file-layout';

import { layoutNamed } from '../files/acquirer-file.writer';
import { assertBalancedJournal, type JournalEntrySource, journalDetailOf, JournalTotalsAccumulator, type JournalTotals } from './journal-entry';
import type { JournalFileRecipe, WrittenJournalFile } from './journal-file';

/**
 * The layout's context: the configured values, the currency, and the day's sums (minor units) for a
 * layout that states them as values (in its header, say). The shipped layout's trailer sums its D
 * and C entries itself, so a reader checks them; either way the writer refuses entries that do not
 * add up to these sums.
 */
function contextOf(recipe: Omit<JournalFileRecipe, 'id' | 'fileName' | 'acquirers' | 'layout'>, totals?: JournalTotals): FileContext {
  const values = { ...recipe.values, currency: recipe.currency, totalDebitMinor: totals?.debitMinor ?? 0n, totalCreditMinor: totals?.creditMinor ?? 0n };
  return { businessDay: recipe.businessDay, createdAt: recipe.createdAt, sequence: recipe.sequence, values };
}

/** The file name a layout gives a day's journal file in a currency. */
export function journalFileNameOf(layout: FileLayout, recipe: Omit<JournalFileRecipe, 'id' | 'fileName' | 'acquirers' | 'layout'>): string {
  return new LayoutFileEncoder(layout, contextOf(recipe)).fileName;
}

/**
 * Writes a day's journal file in one currency to `path`, streaming: the header (and a layout's
 * trailer totals) from the day's sums, which must balance before a byte is written; then every
 * entry as it comes, hashed on its way to the disk; then the trailer with the count, both totals
 * and the checksum. Entries that do not add up to the sums announced (or of another currency) are
 * refused and the file removed. Only the recipe and the entries go in (no clock): a second writing
 * gives the same bytes.
 */
export async function writeJournalFile(recipe: JournalFileRecipe, source: JournalEntrySource, path: string): Promise<WrittenJournalFile> {
  const { businessDay, currency } = recipe;
  assertBalancedJournal(businessDay, currency, source.totals);
  const layout = layoutNamed(recipe.layout);
  const encoder = new LayoutFileEncoder(layout, contextOf(recipe, source.totals));
  if (encoder.fileName !== recipe.fileName) throw new Error(`layout ${recipe.layout} now names the file ${encoder.fileName}, not ${recipe.fileName}`);
  const running = new JournalTotalsAccumulator(businessDay, currency);
  const details = (async function* () {
    for await (const row of source.entries) {
      const detail = journalDetailOf(row, businessDay);
      running.add(detail);
      yield detail;
    }
  })();
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.from(encoder.chunks(details), { objectMode: false }), tap, createWriteStream(path));
    const totals = running.totals;
    const announced = source.totals;
    if (totals.entryCount !== announced.entryCount || totals.debitMinor !== announced.debitMinor || totals.creditMinor !== announced.creditMinor)
      throw new Error(
        `journal of ${businessDay} in ${currency}: the entries written (${totals.entryCount}, debits ${totals.debitMinor}, credits ${totals.creditMinor}) ` +
          `are not the day's sums (${announced.entryCount}, debits ${announced.debitMinor}, credits ${announced.creditMinor}); not delivered`,
      );
    return { ...totals, byteLength: encoder.summary.byteLength, sha256: hash.digest('hex') };
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}
