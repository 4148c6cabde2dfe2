import type { Attributes, AttributeValue } from '@opentelemetry/api';

import { isPanLikeInteger, redactCardData } from '../redaction/card-data.redactor';
import { isSensitiveKey, REDACTED } from '../redaction/sensitive-key.policy';

/**
 * Copy of span/event/link attributes with card data removed (PCI DSS 3.3/3.4: card data never in
 * traces): sensitive keys are replaced whatever their value, strings are masked or have track data
 * replaced, and a number that is a Luhn-valid 13-19 digit PAN is replaced.
 */
export function redactSpanAttributes(attributes: Attributes): Attributes {
  const copy: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    copy[key] = redactSpanAttribute(key, value);
  }
  return copy;
}

/** One attribute's value as it may be exported, judged by its key and its value. */
export function redactSpanAttribute(key: string, value: AttributeValue | undefined): AttributeValue | undefined {
  return isSensitiveKey(key) && value !== undefined ? REDACTED : redactAttributeValue(value);
}

function redactAttributeValue(value: AttributeValue | undefined): AttributeValue | undefined {
  if (typeof value === 'string') return redactCardData(value);
  if (typeof value === 'number') return isPanLikeInteger(value) ? REDACTED : value;
  if (!Array.isArray(value)) return value;
  if (value.some((item) => typeof item === 'number' && isPanLikeInteger(item))) return REDACTED;
  if (value.some((item) => typeof item === 'string')) {
    return (value as Array<string | null | undefined>).map((item) => (typeof item === 'string' ? redactCardData(item) : item));
  }
  return value;
}
