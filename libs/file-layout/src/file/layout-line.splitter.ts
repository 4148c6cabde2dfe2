import { LayoutRecordError } from '../record/layout-record.error';
import type { FileLayout } from '../definition/file-layout.model';

/**
 * The lines of a file, decoded with the layout's encoding (invalid UTF-8 and non-ASCII bytes in an
 * ASCII file are errors, never replaced) and split on its line ending, which every line, the last
 * included, must end with: a file cut short is caught here.
 */
export async function* layoutLines(layout: FileLayout, source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = layout.encoding === 'utf-8' ? new TextDecoder('utf-8', { fatal: true }) : undefined;
  const crlf = layout.lineEnding === '\r\n';
  let rest = '';
  let number = 0;
  const fail = (problem: string): never => {
    throw new LayoutRecordError(layout.name, `line ${number + 1}`, undefined, problem);
  };
  for await (const chunk of source) {
    let text: string;
    try {
      text = typeof chunk === 'string' ? chunk : decoder ? decoder.decode(chunk, { stream: true }) : chunk.toString('latin1');
    } catch {
      return fail('is not valid UTF-8');
    }
    rest += text;
    let start = 0;
    for (let end = rest.indexOf('\n'); end >= 0; end = rest.indexOf('\n', start)) {
      const withCr = end > start && rest.charCodeAt(end - 1) === 13;
      if (withCr !== crlf) fail(crlf ? 'ends with LF alone, the layout declares CR LF' : 'ends with CR LF, the layout declares LF');
      const line = rest.slice(start, withCr ? end - 1 : end);
      if (layout.encoding === 'ascii' && /[^\x00-\x7f]/.test(line)) fail('holds a byte outside ASCII');
      number += 1;
      yield line;
      start = end + 1;
    }
    rest = rest.slice(start);
  }
  if (decoder) {
    try {
      rest += decoder.decode();
    } catch {
      fail('is not valid UTF-8 (the file ends inside a character)');
    }
  }
  if (rest.length > 0) fail('has no line ending: the file ends in the middle of a record (cut short?)');
}
