import { isLuhnValid } from '@payments/card';

import { FieldValueError } from './field-value.error';

const SHORTEST_PAN = 13;
const LONGEST_PAN = 19;
/** A UUID in its canonical form (8-4-4-4-12 hexadecimal digits), not part of a longer hexadecimal run. */
const UUID = /(?<![0-9A-Fa-f-])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f-])/g;

/**
 * PCI DSS 3.4.1 / 3.5: a file shows at most the first six and last four digits of a PAN. Refuses a
 * value holding a run of 13-19 digits (spaces or dashes between groups allowed, as printed on a
 * card) that passes the Luhn check, wherever it stands in the value. Leading zeros are not counted
 * (no card number starts with 0, ISO/IEC 7812-1, and `M00000000000042` is a merchant id); a
 * longer run of digits is not read as a PAN, nor are the digits of a UUID. The price: a 13-19-digit
 * identifier that happens to pass Luhn (one in ten) is refused too, loudly, rather than a PAN
 * slipping through.
 */
export function assertNoFullPan(value: string): void {
  if (value.length < SHORTEST_PAN) return;
  // A UUID (a posting's id as a journal reference) is no card number, even when its digit groups,
  // read across the dashes, pass Luhn: one in a few thousand random ones would, and its file could
  // never be written. Its characters are not scanned; a PAN beside it still is.
  const text = value.includes('-') ? value.replace(UUID, (uuid) => '_'.repeat(uuid.length)) : value;
  let digits = 0;
  let start = -1;
  for (let i = 0; i <= text.length; i += 1) {
    const code = i < text.length ? text.charCodeAt(i) : -1;
    if (code >= 48 && code <= 57) {
      if (digits === 0) start = i;
      digits += 1;
    } else if ((code === 32 || code === 45) && digits > 0 && isDigit(text.charCodeAt(i + 1))) {
      continue;
    } else {
      if (digits >= SHORTEST_PAN && looksLikePan(text.slice(start, i))) {
        throw new FieldValueError(`looks like a full PAN (${SHORTEST_PAN}-${LONGEST_PAN} digits passing Luhn); only a masked PAN may be written`);
      }
      digits = 0;
    }
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** `run`: digits with single spaces or dashes between them. */
function looksLikePan(run: string): boolean {
  const significant = run.replace(/[ -]/g, '').replace(/^0+/, '');
  return significant.length >= SHORTEST_PAN && significant.length <= LONGEST_PAN && isLuhnValid(significant);
}
