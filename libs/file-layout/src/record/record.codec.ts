import type { FileLayout, RecordLayout } from '../definition/file-layout.model';
import type { FieldCodec, FieldValue } from '../field/field.codec';
import { FieldValueError } from '../field/field-value.error';
import { csvFields, csvLine } from './csv-line.codec';
import { LayoutRecordError } from './layout-record.error';

/** A record's values by key: what the caller gives for a detail, and what the reader gives back. */
export type RecordValues = Readonly<Record<string, unknown>>;

/**
 * The details a file is written from: plain objects with a value under each field's key. Typed as
 * `object` so that a caller's own interface (which has no index signature) is accepted as it is.
 */
export type DetailSource = Iterable<object> | AsyncIterable<object>;

/**
 * Writes one record as a line (line ending included) and reads one back. `valueOf` gives each
 * non-constant field's value; errors name the record (`where`) and the field.
 */
export class RecordCodec {
  constructor(private readonly layout: FileLayout) {}

  /** `number`: the detail's 1-based number, named in errors (`detail record 12`). */
  line(record: RecordLayout, number: number | undefined, valueOf: (field: FieldCodec) => unknown): string {
    const given = (name: string): unknown => {
      const sibling = record.byName.get(name);
      return sibling && (sibling.constant ?? valueOf(sibling));
    };
    const texts: string[] = [];
    for (const field of record.fields) {
      try {
        texts.push(field.write(field.constant ?? valueOf(field), given));
      } catch (error) {
        throw this.wrap(error, number === undefined ? record.kind : `${record.kind} record ${number}`, field.name);
      }
    }
    const { csv } = this.layout;
    return (csv ? csvLine(texts, csv) : texts.join('')) + this.layout.lineEnding;
  }

  /** Reads a line (without its line ending): the non-constant fields' values by key; constants must match. */
  read(record: RecordLayout, lineNumber: number, line: string): Record<string, FieldValue> {
    const where = `line ${lineNumber} (${record.kind})`;
    const texts = this.fieldTexts(record, where, line);
    const sibling = (name: string): unknown => {
      const index = record.fields.findIndex((f) => f.name === name);
      return index < 0 ? undefined : record.fields[index].read(texts[index], () => undefined);
    };
    const values: Record<string, FieldValue> = {};
    record.fields.forEach((field, index) => {
      try {
        const value = field.read(texts[index], sibling);
        if (field.constant === undefined) values[field.key] = value;
        else if (value !== field.constant) throw new FieldValueError(`is not the layout's constant ${JSON.stringify(field.constant)}`);
      } catch (error) {
        throw this.wrap(error, where, field.name);
      }
    });
    return values;
  }

  private fieldTexts(record: RecordLayout, where: string, line: string): string[] {
    const { csv } = this.layout;
    if (csv) {
      let texts: string[];
      try {
        texts = csvFields(line, csv);
      } catch (error) {
        throw this.wrap(error, where, undefined);
      }
      if (texts.length !== record.fields.length) {
        throw new LayoutRecordError(this.layout.name, where, undefined, `has ${texts.length} fields, a ${record.kind} has ${record.fields.length}`);
      }
      return texts;
    }
    const texts: string[] = [];
    let start = 0;
    for (const field of record.fields) {
      const width = field.width as number;
      texts.push(line.slice(start, start + width));
      start += width;
    }
    if (line.length !== start) throw new LayoutRecordError(this.layout.name, where, undefined, `is ${line.length} characters, a ${record.kind} is ${start}`);
    return texts;
  }

  private wrap(error: unknown, where: string, field: string | undefined): unknown {
    return error instanceof FieldValueError ? new LayoutRecordError(this.layout.name, where, field, error.message) : error;
  }
}
