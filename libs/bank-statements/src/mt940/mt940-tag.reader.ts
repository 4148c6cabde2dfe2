/** One field of an MT940 message: `:61:` with its text (continuation lines joined by `\n`). */
export interface Mt940Field {
  readonly tag: string;
  readonly value: string;
  /** 1-based line of the tag in the file, for error messages. */
  readonly line: number;
}

const TAG_LINE = /^:(\d{2}[A-Z]?):(.*)$/;

/**
 * Splits an MT940 file into statements, each a list of fields. A statement starts at `:20:`;
 * lines before it (SWIFT or bank headers such as `{1:...}` or `940 00`) are skipped, and a line
 * starting with `-` after the closing balance ends it (`-`, `-}`, a bank's `-XXX` trailer).
 * Other lines continue the field above them.
 */
export function readMt940Statements(text: string): Mt940Field[][] {
  const statements: Mt940Field[][] = [];
  let current: Mt940Field[] | null = null;
  let closed = false;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.trimEnd();
    const match = TAG_LINE.exec(line);
    if (match?.[1] === '20') {
      current = [];
      closed = false;
      statements.push(current);
    }
    if (current === null || line.length === 0) return;
    const fields: Mt940Field[] = current;
    if (match) {
      fields.push({ tag: match[1] ?? '', value: match[2] ?? '', line: index + 1 });
      closed ||= /^6[2-5]/.test(match[1] ?? '');
    } else if (closed && line.startsWith('-')) {
      current = null;
    } else {
      const last = fields.pop();
      if (last) fields.push({ ...last, value: `${last.value}\n${line}` });
    }
  });
  return statements;
}
