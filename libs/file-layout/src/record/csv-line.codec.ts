import { FieldValueError } from '../field/field-value.error';

export interface CsvDialect {
  readonly delimiter: string;
  readonly quote: string;
  readonly quoting: 'needed' | 'all';
}

/** RFC 4180 quoting: a value holding the delimiter or the quote is quoted, quotes doubled. Values never hold line breaks. */
export function csvLine(texts: readonly string[], dialect: CsvDialect): string {
  const { delimiter, quote, quoting } = dialect;
  let line = '';
  for (let i = 0; i < texts.length; i += 1) {
    const text = texts[i];
    if (i > 0) line += delimiter;
    const quoted = quoting === 'all' || text.includes(delimiter) || text.includes(quote);
    line += quoted ? quote + text.split(quote).join(quote + quote) + quote : text;
  }
  return line;
}

/** Splits a line written by csvLine (any quoting) into its values; a stray or unclosed quote is an error. */
export function csvFields(line: string, dialect: CsvDialect): string[] {
  const { delimiter, quote } = dialect;
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === quote) {
      let text = '';
      let j = i + 1;
      for (;;) {
        const close = line.indexOf(quote, j);
        if (close < 0) throw new FieldValueError(`field ${fields.length + 1} opens a quote that is never closed`);
        text += line.slice(j, close);
        if (line[close + 1] === quote) {
          text += quote;
          j = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      fields.push(text);
      if (i < line.length && line[i] !== delimiter) throw new FieldValueError(`field ${fields.length} has text after its closing quote`);
    } else {
      const end = line.indexOf(delimiter, i);
      const text = end < 0 ? line.slice(i) : line.slice(i, end);
      if (text.includes(quote)) throw new FieldValueError(`field ${fields.length + 1} holds a quote but is not quoted`);
      fields.push(text);
      i = end < 0 ? line.length : end;
    }
    if (i >= line.length) return fields;
    i += 1;
    if (i === line.length) {
      fields.push('');
      return fields;
    }
  }
}
