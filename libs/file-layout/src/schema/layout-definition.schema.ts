import { z } from 'zod';

/**
 * Where a field's value comes from. `value`: the record's values (a detail record, or the caller's
 * file values for header and trailer) under `key` (default: the field's name); `constant`: the
 * layout's `value`; the rest are computed by the writer from the caller's file context (`sequence`,
 * `businessDay`, `createdAt`) or from the details written so far (`recordCount`, `total`,
 * `checksum`, trailer only).
 */
export const FIELD_SOURCES = ['value', 'constant', 'sequence', 'businessDay', 'createdAt', 'recordCount', 'total', 'checksum'] as const;
export type FieldSource = (typeof FIELD_SOURCES)[number];

export const FIELD_TYPES = ['text', 'masked-pan', 'integer', 'amount', 'date', 'timestamp'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

const singleChar = z.string().length(1, 'exactly one character');

/** One field of a record. Cross-key rules (which source fits which type and record) are checked by the loader. */
const fieldSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a letter, then letters, digits or _'),
  type: z.enum(FIELD_TYPES),
  source: z.enum(FIELD_SOURCES).default('value'),
  /** `value` source: the key in the record's values (default: name). */
  key: z.string().min(1).optional(),
  /** `constant` source: the text written, and expected when reading. */
  value: z.string().optional(),
  /** `total` source: the name of the detail field summed. */
  of: z.string().min(1).optional(),
  /** `total` source: sum only the details whose field `field` (a detail field's name) holds `equals` (the debits of a journal, say). */
  when: z.strictObject({ field: z.string().min(1), equals: z.string() }).optional(),
  /** `recordCount` source: count the detail lines (default) or every line, header and trailer included. */
  counts: z.enum(['details', 'lines']).optional(),
  /** Fixed width in characters (bytes: fixed-width layouts use a one-byte encoding). Required in fixed-width layouts. */
  width: z.number().int().min(1).max(9999).optional(),
  /** Fixed-width layouts: 1-based position, checked against the running position (no gaps, no overlaps). */
  start: z.number().int().min(1).optional(),
  align: z.enum(['left', 'right']).optional(),
  /** The pad character. Without one, a field with a width takes only values of exactly that width. */
  pad: singleChar.optional(),
  /** `text`: which characters a value may hold. */
  charset: z.enum(['digits', 'alphanumeric', 'printable']).optional(),
  /** `date` / `timestamp`: yyyy MM dd HH mm ss, anything else literal (UTC). */
  pattern: z.string().min(1).optional(),
  /** `amount`: write a decimal point at the currency exponent instead of implied decimals (minor units). */
  decimalPoint: z.boolean().optional(),
  /** `amount` with decimalPoint: a fixed exponent ... */
  exponent: z.number().int().min(0).max(4).optional(),
  /** ... or the name of a field of the same record holding an ISO 4217 code (numeric or alphabetic). */
  exponentFrom: z.string().min(1).optional(),
  /** `amount`: `minus` (a leading - when negative), `leading` / `trailing` (+ or - always), `unsigned` (negative refused). */
  sign: z.enum(['minus', 'leading', 'trailing', 'unsigned']).optional(),
});

const recordSchema = z.strictObject({
  fields: z.array(fieldSchema).min(1),
});

const checksumSchema = z.discriminatedUnion('algorithm', [
  /** SHA-256 of the detail lines' bytes as written (line endings included), lowercase hex. */
  z.strictObject({ algorithm: z.literal('sha256') }),
  /** The sum of a detail field (integer, amount or digits text), modulo 10^width of the trailer's checksum field. */
  z.strictObject({ algorithm: z.literal('hash-total'), of: z.string().min(1) }),
]);

/**
 * A file layout: pure data (a JSON file). Unknown keys are errors so that a typo is never ignored.
 */
export const layoutDefinitionSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
  description: z.string().optional(),
  format: z.enum(['csv', 'fixed-width']),
  encoding: z.enum(['utf-8', 'latin1', 'ascii']),
  lineEnding: z.enum(['crlf', 'lf']),
  /** CSV only: `quoting: needed` quotes a value holding the delimiter, the quote or a leading/trailing space. */
  csv: z.strictObject({ delimiter: singleChar, quote: singleChar.default('"'), quoting: z.enum(['needed', 'all']).default('needed') }).optional(),
  /** Fixed-width only: every record must be exactly this long (without the line ending). */
  recordLength: z.number().int().min(1).optional(),
  /** File name: {businessDay:PATTERN}, {createdAt:PATTERN}, {sequence} or {sequence:N} (zero-padded), {KEY} from the file values. */
  fileName: z.string().min(1),
  checksum: checksumSchema.optional(),
  records: z.strictObject({
    header: recordSchema.optional(),
    detail: recordSchema,
    trailer: recordSchema.optional(),
  }),
});

export type LayoutDefinition = z.infer<typeof layoutDefinitionSchema>;
export type FieldDefinition = z.infer<typeof fieldSchema>;
export type RecordKind = keyof LayoutDefinition['records'];
export const RECORD_KINDS: readonly RecordKind[] = ['header', 'detail', 'trailer'];
