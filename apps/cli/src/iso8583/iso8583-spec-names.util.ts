import { getSpec } from '@payments/iso8583';

/** No registered spec can have an empty name, so asking for it always reaches the error below. */
const NO_SUCH_SPEC = '';
const KNOWN_LIST = /; known: (.*)$/;

/**
 * Names of the specs in the @payments/iso8583 registry, so a newly registered spec shows up here
 * with no CLI change. The library exports no list of names; its getSpec error for an unknown name
 * lists them ("unknown ISO 8583 spec x; known: a, b"), and that is read here. The spec of this
 * util fails if that wording changes.
 */
export function iso8583SpecNames(): string[] {
  try {
    getSpec(NO_SUCH_SPEC);
  } catch (error) {
    const known = error instanceof RangeError ? KNOWN_LIST.exec(error.message) : null;
    if (known) return known[1].split(', ').filter((name) => name.length > 0);
  }
  throw new Error('cannot list the ISO 8583 specs: the registry did not name them');
}
