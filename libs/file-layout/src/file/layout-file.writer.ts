import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import type { FileContext } from '../definition/file-context.model';
import type { FileLayout, RecordLayout } from '../definition/file-layout.model';
import { FileNamePattern } from '../definition/file-name.pattern';
import type { FieldCodec } from '../field/field.codec';
import { businessDayParts, timestampParts } from '../field/date-pattern.codec';
import { FieldValueError } from '../field/field-value.error';
import { integerValue } from '../field/minor-units.value';
import { LayoutRecordError } from '../record/layout-record.error';
import { type DetailSource, RecordCodec, type RecordValues } from '../record/record.codec';
import { FileTotalsAccumulator, type FileTotals, trailerValue } from './file-totals.accumulator';

/** What a written file holds: its name, its counts, totals and checksum (as in the trailer), its size. */
export interface LayoutFileSummary extends FileTotals {
  readonly fileName: string;
  readonly byteLength: number;
}

/** Lines are joined into chunks of about this many characters: one Buffer and one write per chunk, not per line. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Encodes a file in one pass: the header from the caller's context, each detail as it comes, the
 * trailer from the running counts, totals and checksum. Only one chunk is held at a time, so a
 * million lines take the memory of one. Nothing here reads the clock: the same context and
 * details give the same bytes.
 */
export class LayoutFileEncoder {
  readonly fileName: string;
  private readonly records: RecordCodec;
  private result: LayoutFileSummary | undefined;

  constructor(
    private readonly layout: FileLayout,
    private readonly context: FileContext,
  ) {
    const check = <T>(what: string, run: () => T): T => {
      try {
        return run();
      } catch (error) {
        if (error instanceof FieldValueError) throw new LayoutRecordError(layout.name, 'file context', what, error.message);
        throw error;
      }
    };
    check('businessDay', () => businessDayParts(context.businessDay));
    check('createdAt', () => timestampParts(context.createdAt));
    check('sequence', () => (integerValue(context.sequence) < 0n ? fail('must not be negative') : undefined));
    this.fileName = check('fileName', () => new FileNamePattern(layout.definition.fileName).nameFor(context));
    this.records = new RecordCodec(layout);
  }

  /** The file's bytes, chunk by chunk; pull-driven, so a slow sink slows the reading of the details. */
  async *chunks(details: DetailSource): AsyncGenerator<Buffer> {
    const { layout } = this;
    const encoding = layout.encoding === 'utf-8' ? 'utf8' : 'latin1';
    const totals = new FileTotalsAccumulator(layout);
    let byteLength = 0;
    let pending = layout.header ? this.records.line(layout.header, undefined, (field) => this.contextValue(field)) : '';
    let number = 0;
    const add = (detail: object): boolean => {
      const values = detail as RecordValues;
      number += 1;
      const line = this.records.line(layout.detail, number, (field) => values[field.key]);
      totals.add(values, line);
      pending += line;
      return pending.length >= CHUNK_CHARS;
    };
    const flush = (): Buffer => {
      const chunk = Buffer.from(pending, encoding);
      byteLength += chunk.length;
      pending = '';
      return chunk;
    };
    // A plain iterable is walked without a promise per record; the pull of each chunk still waits for the sink.
    if (Symbol.asyncIterator in details) {
      for await (const values of details) if (add(values)) yield flush();
    } else {
      for (const values of details) if (add(values)) yield flush();
    }
    const finished = totals.finish();
    if (layout.trailer) {
      const trailer: RecordLayout = layout.trailer;
      pending += this.records.line(trailer, undefined, (field) => trailerValue(field, finished) ?? this.contextValue(field));
    }
    const last = flush();
    this.result = { ...finished, fileName: this.fileName, byteLength };
    if (last.length > 0) yield last;
  }

  /** Available once chunks() has run to its end. */
  get summary(): LayoutFileSummary {
    if (!this.result) throw new Error('the file has not been written to its end');
    return this.result;
  }

  private contextValue(field: FieldCodec): unknown {
    switch (field.source) {
      case 'sequence':
        return integerValue(this.context.sequence);
      case 'businessDay':
        return this.context.businessDay;
      case 'createdAt':
        return this.context.createdAt;
      case 'value':
      case 'constant':
      case 'recordCount':
      case 'total':
      case 'checksum':
        return this.context.values?.[field.key];
    }
  }
}

/**
 * Writes a whole file to `sink` (a file stream, an SFTP write stream, a hash) with backpressure
 * respected, and returns its summary once the sink has taken every byte. On an error (a bad
 * record, a failing sink) the sink is destroyed and the error thrown: a partial file is never
 * reported as written.
 */
export async function writeLayoutFile(layout: FileLayout, context: FileContext, details: DetailSource, sink: Writable): Promise<LayoutFileSummary> {
  const encoder = new LayoutFileEncoder(layout, context);
  await pipeline(Readable.from(encoder.chunks(details), { objectMode: false }), sink);
  return encoder.summary;
}

function fail(problem: string): never {
  throw new FieldValueError(problem);
}
