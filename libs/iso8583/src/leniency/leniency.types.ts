/**
 * Leniency: what a dialect lets a host send although the strict field classes refuse it. Real
 * hosts send a Latin-1 merchant name in DE 43, a line feed in DE 48, a '-' in DE 37/38/39, a
 * space-padded numeric or bytes after the last field; one odd byte must not make an approval
 * unreadable. Decoding only: encoding stays strict. Strict is the default.
 */
export const FIELD_LENIENCY_RULES = [
  /** Latin-1 letters (bytes A0-FF) in an a, an or ans field, e.g. a merchant name in DE 43. */
  'latin1',
  /** CR and LF in an a, an or ans field, e.g. DE 48 additional data with line breaks. */
  'line-breaks',
  /** Any printable ASCII character in an a or an field, e.g. '-' or '/' in DE 37, 38 or 39. */
  'non-alphanumeric',
  /** Spaces before or after the digits of an ASCII numeric (n) field, e.g. '  1234' for 001234. */
  'space-padded-numeric',
] as const;

export type FieldLeniencyRule = (typeof FIELD_LENIENCY_RULES)[number];

export const MESSAGE_LENIENCY_RULES = [
  /** Bytes after the last field are ignored instead of refused (hosts that pad or append a checksum). */
  'trailing-bytes',
] as const;

export type MessageLeniencyRule = (typeof MESSAGE_LENIENCY_RULES)[number];

export type LeniencyRule = FieldLeniencyRule | MessageLeniencyRule;

/** What a lenient decode let through: where and by which rule, never the value (it may be card data). */
export interface LeniencyWarning {
  readonly spec: string;
  /** Field number, or null for a message-level rule (trailing bytes). */
  readonly field: number | null;
  readonly rule: LeniencyRule;
  /** Byte offset of the first byte the rule let through. */
  readonly offset: number;
}

/** Metric labels of one warning: `field` is the number, or 'message' for a message-level rule. */
export interface LeniencyLabels {
  spec: string;
  field: string;
  rule: string;
}

/**
 * The metric hook, counted once per warning. A prom-client Counter with labelNames
 * ['spec', 'field', 'rule'] fits as it is; the codec itself stays free of prom-client.
 */
export interface LeniencyMetric {
  inc(labels: LeniencyLabels): void;
}

export interface DecodeOptions {
  /** Receives every warning of this decode, in message order, for the caller to log. */
  readonly warnings?: LeniencyWarning[];
  /** Incremented once per warning. */
  readonly metric?: LeniencyMetric;
}
