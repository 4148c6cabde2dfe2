/** The most vouchers one batch may hold. */
export const MAX_BATCH_VOUCHERS = 10_000;

export const SERIAL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const CODE = /^[A-Za-z0-9][A-Za-z0-9-]{3,63}$/;

/** One voucher of a batch and where it was in the caller's body (`vouchers[3]`, `csv line 4`). */
export interface VoucherLine {
  readonly serial: string;
  readonly code: string;
  readonly line: string;
}

export type VoucherLinesResult = { readonly ok: true; readonly lines: readonly VoucherLine[] } | { readonly ok: false; readonly message: string };

const CSV_HEADER = /^serial\s*,\s*code$/i;

/**
 * A batch's vouchers from JSON (`vouchers: [{serial, code}]`) or CSV (`serial,code` per line, an
 * optional header line `serial,code`, blank lines skipped, no quoting: neither field may hold a
 * comma). Each serial and code checked, and a serial or a code that appears twice refused naming
 * both lines. A message names the line and the rule, never a code.
 */
export function voucherLinesOf(input: { readonly vouchers?: readonly { serial: string; code: string }[]; readonly csv?: string }): VoucherLinesResult {
  if ((input.vouchers === undefined) === (input.csv === undefined))
    return { ok: false, message: 'vouchers: give either vouchers (JSON) or csv, one of the two' };
  const parsed = input.vouchers ? input.vouchers.map((v, i) => ({ ...v, line: `vouchers[${i}]` })) : csvLinesOf(input.csv ?? '');
  if (!Array.isArray(parsed)) return parsed;
  if (parsed.length === 0) return { ok: false, message: 'vouchers: the batch holds no voucher' };
  if (parsed.length > MAX_BATCH_VOUCHERS)
    return { ok: false, message: `vouchers: a batch holds at most ${MAX_BATCH_VOUCHERS} vouchers, this one ${parsed.length}` };
  const serials = new Map<string, string>();
  const codes = new Map<string, string>();
  for (const { serial, code, line } of parsed) {
    if (!SERIAL.test(serial)) return { ok: false, message: `${line}: serial must be 1-64 letters, digits, dots, dashes or underscores` };
    if (!CODE.test(code)) return { ok: false, message: `${line}: code must be 4-64 letters, digits or dashes` };
    const serialBefore = serials.get(serial);
    if (serialBefore) return { ok: false, message: `${line}: serial ${serial} appears again (first on ${serialBefore})` };
    const codeBefore = codes.get(code);
    if (codeBefore) return { ok: false, message: `${line}: its code appears again (first on ${codeBefore})` };
    serials.set(serial, line);
    codes.set(code, line);
  }
  return { ok: true, lines: parsed };
}

function csvLinesOf(csv: string): VoucherLine[] | { ok: false; message: string } {
  const lines: VoucherLine[] = [];
  const rows = csv.split(/\r?\n/);
  for (const [index, raw] of rows.entries()) {
    const text = raw.trim();
    if (text === '' || (index === 0 && CSV_HEADER.test(text))) continue;
    const fields = text.split(',');
    const line = `csv line ${index + 1}`;
    if (fields.length !== 2) return { ok: false, message: `${line}: must be serial,code (2 fields, found ${fields.length})` };
    lines.push({ serial: fields[0].trim(), code: fields[1].trim(), line });
  }
  return lines;
}
