import type { ContentClass, ValueEncoding } from '../spec/iso8583-spec.types';
import { FIELD_LENIENCY_RULES, type FieldLeniencyRule } from '../leniency/leniency.types';

/** Which bytes each rule lets through, and which fields it may be declared on. */
const RULES: Readonly<Record<FieldLeniencyRule, { classes: readonly ContentClass[]; bytes: (c: number) => boolean }>> = {
  latin1: { classes: ['a', 'an', 'ans'], bytes: (c) => c >= 0xa0 },
  'line-breaks': { classes: ['a', 'an', 'ans'], bytes: (c) => c === 0x0a || c === 0x0d },
  'non-alphanumeric': { classes: ['a', 'an'], bytes: (c) => c >= 0x20 && c <= 0x7e },
  'space-padded-numeric': { classes: ['n'], bytes: (c) => c === 0x20 },
};

/** Rule per table code; code 0 means "refused". */
export const RULE_BY_CODE: readonly (FieldLeniencyRule | undefined)[] = [undefined, ...FIELD_LENIENCY_RULES];
export const SPACE_PADDED_CODE = RULE_BY_CODE.indexOf('space-padded-numeric');

/**
 * The per-field leniency table: for each byte the strict class refuses, the code of the first
 * declared rule that lets it through (0: refused), or null when the field declares no rule.
 * Throws RangeError for a rule the field's class or encoding cannot carry.
 */
export function leniencyTable(contentClass: ContentClass, encoding: ValueEncoding, rules: readonly FieldLeniencyRule[] | undefined): Uint8Array | null {
  if (!rules || rules.length === 0) return null;
  const table = new Uint8Array(256);
  for (const rule of rules) {
    const def = RULES[rule];
    if (!def) throw new RangeError(`unknown leniency rule ${String(rule)}`);
    if (!def.classes.includes(contentClass) || encoding !== 'ascii') {
      throw new RangeError(`leniency rule ${rule} applies to ASCII ${def.classes.join('/')} fields only`);
    }
    const code = RULE_BY_CODE.indexOf(rule);
    for (let c = 0; c < 256; c++) if (table[c] === 0 && def.bytes(c)) table[c] = code;
  }
  return table;
}
