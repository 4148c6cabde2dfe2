import type { Iso8583Spec } from './iso8583-spec.types';
import { ISO87_ASCII_SPEC } from './iso87ascii.fields';
import { ISO87_BINARY_SPEC } from './iso87binary.fields';
import { ISO93_ASCII_SPEC } from './iso93ascii.fields';
import { ISO93_BINARY_SPEC } from './iso93binary.fields';

/** Specs known by name. A network dialect is added by registering one more spec object. */
const SPECS = new Map<string, Iso8583Spec>([ISO87_ASCII_SPEC, ISO87_BINARY_SPEC, ISO93_ASCII_SPEC, ISO93_BINARY_SPEC].map((spec) => [spec.name, spec]));

/** Built-in spec names; any registered name is accepted too. */
export type Iso8583SpecName = 'iso87ascii' | 'iso87binary' | 'iso93ascii' | 'iso93binary' | (string & Record<never, never>);

export function registerSpec(spec: Iso8583Spec): void {
  if (SPECS.has(spec.name)) throw new RangeError(`ISO 8583 spec ${spec.name} is already registered`);
  SPECS.set(spec.name, spec);
}

export function getSpec(name: string): Iso8583Spec {
  const spec = SPECS.get(name);
  if (!spec) throw new RangeError(`unknown ISO 8583 spec ${name}; known: ${[...SPECS.keys()].join(', ')}`);
  return spec;
}
