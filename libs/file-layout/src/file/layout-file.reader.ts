import type { FileLayout } from '../definition/file-layout.model';
import type { FieldValue } from '../field/field.codec';
import { LayoutRecordError } from '../record/layout-record.error';
import { RecordCodec } from '../record/record.codec';
import type { RecordKind } from '../schema/layout-definition.schema';
import { FileTotalsAccumulator, type FileTotals, trailerValue } from './file-totals.accumulator';
import { LayoutBalanceError } from './layout-balance.error';
import { layoutLines } from './layout-line.splitter';

/** One record read back: details give the caller's values by key; header and trailer every non-constant field. */
export interface LayoutFileRecord {
  readonly kind: RecordKind;
  /** 1-based line number in the file. */
  readonly line: number;
  readonly values: Readonly<Record<string, FieldValue>>;
}

export interface LayoutFileContents {
  readonly header: Readonly<Record<string, FieldValue>> | undefined;
  readonly details: ReadonlyArray<Readonly<Record<string, FieldValue>>>;
  readonly trailer: Readonly<Record<string, FieldValue>> | undefined;
  readonly totals: FileTotals;
}

/**
 * Reads a file back record by record, in one pass with flat memory. The trailer is checked
 * against the details before it is yielded, and a file that does not balance throws
 * LayoutBalanceError instead: stage what this yields and book nothing until it has finished.
 * Returns the recomputed totals.
 */
export async function* readLayoutRecords(layout: FileLayout, source: AsyncIterable<Buffer | string>): AsyncGenerator<LayoutFileRecord, FileTotals> {
  const records = new RecordCodec(layout);
  const totals = new FileTotalsAccumulator(layout);
  let number = 0;
  let held: string | undefined;
  for await (const line of layoutLines(layout, source)) {
    number += 1;
    if (number === 1 && layout.header) {
      yield { kind: 'header', line: 1, values: records.read(layout.header, 1, line) };
      continue;
    }
    if (held !== undefined) {
      const values = records.read(layout.detail, number - 1, held);
      totals.add(values, held + layout.lineEnding);
      yield { kind: 'detail', line: number - 1, values };
    }
    held = line;
  }
  if (layout.header && number === 0) throw new LayoutRecordError(layout.name, 'line 1', undefined, 'the file is empty: no header');
  if (!layout.trailer) {
    if (held !== undefined) {
      const values = records.read(layout.detail, number, held);
      totals.add(values, held + layout.lineEnding);
      yield { kind: 'detail', line: number, values };
    }
    return totals.finish();
  }
  if (held === undefined) throw new LayoutRecordError(layout.name, `line ${number + 1}`, undefined, 'the file ends without a trailer');
  const trailer = records.read(layout.trailer, number, held);
  const finished = totals.finish();
  const differences: string[] = [];
  for (const field of layout.trailer.fields) {
    const expected = trailerValue(field, finished);
    if (expected === undefined) continue;
    const found = trailer[field.key];
    if (String(found) !== String(expected))
      differences.push(`trailer field ${field.name}: the file says ${String(found)}, its details make ${String(expected)}`);
  }
  if (differences.length > 0) throw new LayoutBalanceError(layout.name, differences);
  yield { kind: 'trailer', line: number, values: trailer };
  return finished;
}

/** Reads a whole (small) file into memory, checked; for a large one, use readLayoutRecords and stage as you go. */
export async function readLayoutFile(layout: FileLayout, source: AsyncIterable<Buffer | string>): Promise<LayoutFileContents> {
  let header: LayoutFileContents['header'];
  let trailer: LayoutFileContents['trailer'];
  const details: Array<Readonly<Record<string, FieldValue>>> = [];
  const reader = readLayoutRecords(layout, source);
  for (;;) {
    const next = await reader.next();
    if (next.done) return { header, details, trailer, totals: next.value };
    const { kind, values } = next.value;
    if (kind === 'header') header = values;
    else if (kind === 'trailer') trailer = values;
    else details.push(values);
  }
}
