/**
 * Splits a migration script into statements at top-level semicolons, so a failure can name its
 * statement. Semicolons inside quotes ('..', E'..', ".."), dollar-quoted bodies ($tag$..$tag$)
 * and comments (-- .., nested /* .. *\/) do not split. Comment-only pieces are dropped.
 */
export function splitSqlStatements(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  while (i < script.length) {
    const ch = script[i];
    const next = script[i + 1];
    if (ch === '-' && next === '-') i = skipLineComment(script, i);
    else if (ch === '/' && next === '*') i = skipBlockComment(script, i);
    else if (ch === "'") i = skipQuoted(script, i, "'", isEscapeString(script, i));
    else if (ch === '"') i = skipQuoted(script, i, '"', false);
    else if (ch === '$' && dollarTagAt(script, i)) i = skipDollarQuoted(script, i, dollarTagAt(script, i)!);
    else if (ch === ';') {
      push(statements, script.slice(start, i));
      start = ++i;
    } else i++;
  }
  push(statements, script.slice(start));
  return statements;
}

function push(statements: string[], piece: string): void {
  const withoutComments = piece.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
  if (withoutComments.trim() !== '') statements.push(piece.trim());
}

function skipLineComment(sql: string, i: number): number {
  const end = sql.indexOf('\n', i);
  return end === -1 ? sql.length : end + 1;
}

function skipBlockComment(sql: string, i: number): number {
  let depth = 0;
  while (i < sql.length) {
    if (sql.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (sql.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return i;
}

/** E'..' strings honour backslash escapes; standard strings only double the quote. */
function isEscapeString(sql: string, quoteAt: number): boolean {
  const prefix = sql[quoteAt - 1];
  return (prefix === 'E' || prefix === 'e') && !/[\w$]/.test(sql[quoteAt - 2] ?? '');
}

function skipQuoted(sql: string, i: number, quote: string, backslashEscapes: boolean): number {
  i++;
  while (i < sql.length) {
    if (backslashEscapes && sql[i] === '\\') i += 2;
    else if (sql[i] === quote && sql[i + 1] === quote) i += 2;
    else if (sql[i] === quote) return i + 1;
    else i++;
  }
  return i;
}

/** `$$` or `$tag$` where tag is an identifier; `$1` (a parameter) is not a dollar quote. */
function dollarTagAt(sql: string, i: number): string | undefined {
  if (/[\w$]/.test(sql[i - 1] ?? '')) return undefined;
  return /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 64))?.[0];
}

function skipDollarQuoted(sql: string, i: number, tag: string): number {
  const end = sql.indexOf(tag, i + tag.length);
  return end === -1 ? sql.length : end + tag.length;
}
