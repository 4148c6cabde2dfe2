import { FieldValueError } from './field-value.error';

export type LayoutEncoding = 'utf-8' | 'latin1' | 'ascii';

const HIGHEST_CODE: Record<LayoutEncoding, number> = { 'utf-8': 0x10ffff, latin1: 0xff, ascii: 0x7f };

/**
 * Refuses a control character (a line break would split the record; the reader is line-based) and
 * a character the file's encoding cannot hold (Buffer would silently write `?` or a wrong byte).
 * Positions are 1-based; the value itself is never echoed.
 */
export function assertWritableText(text: string, encoding: LayoutEncoding): void {
  const highest = HIGHEST_CODE[encoding];
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) throw new FieldValueError(`control character (code ${code}) at position ${i + 1}`);
    if (code > highest) throw new FieldValueError(`the character at position ${i + 1} cannot be written in ${encoding}`);
  }
  if (encoding === 'utf-8' && !(text as string & { isWellFormed(): boolean }).isWellFormed()) {
    throw new FieldValueError('a lone UTF-16 surrogate cannot be written in utf-8');
  }
}
