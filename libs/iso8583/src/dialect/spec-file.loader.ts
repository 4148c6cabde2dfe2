import { readFileSync } from 'node:fs';

import { compileField } from '../field/compiled-field.util';
import type { ContentClass, FieldDefinition, Iso8583Spec } from '../spec/iso8583-spec.types';
import { Iso8583SpecFileError } from './spec-file.error';
import { type FieldOverride, type SpecFile, specFileSchema } from './spec-file.schema';
import { getSpec } from '../spec/spec.registry';

const REQUIRED_FIELD_KEYS = ['name', 'lengthType', 'maxLength', 'contentClass'] as const;
const REQUIRED_SPEC_KEYS = ['mtiEncoding', 'bitmapEncoding', 'prefixEncoding'] as const;
const CONTENT_CLASSES = ['n', 'a', 'an', 'ans', 'b', 'z', 'xn'] as const satisfies readonly ContentClass[];

/** Reads a spec definition file (JSON) and returns the spec; register it with registerSpec. */
export function loadSpecFile(path: string): Iso8583Spec {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Iso8583SpecFileError(path, [`cannot be read or parsed as JSON: ${error instanceof Error ? error.message : String(error)}`]);
  }
  return specFromDefinition(json, path);
}

/**
 * Builds a spec from a parsed definition: validated with zod, merged over the spec it extends
 * (a field override changes only the keys it gives), and every field checked the way the codec
 * compiles it. All problems are reported at once, each with the path of the bad key.
 */
export function specFromDefinition(definition: unknown, source = 'spec definition'): Iso8583Spec {
  const parsed = specFileSchema.safeParse(definition);
  if (!parsed.success)
    throw new Iso8583SpecFileError(
      source,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  const file = parsed.data;
  const issues: string[] = [];
  let base: Iso8583Spec | undefined;
  if (file.extends !== undefined) {
    try {
      base = getSpec(file.extends);
    } catch (error) {
      issues.push(`extends: ${(error as Error).message}`);
    }
  } else {
    for (const key of REQUIRED_SPEC_KEYS) if (file[key] === undefined) issues.push(`${key}: required when the definition extends no spec`);
  }
  if (issues.length > 0) throw new Iso8583SpecFileError(source, issues);
  const spec = mergeSpec(file, base, issues);
  if (issues.length > 0) throw new Iso8583SpecFileError(source, issues);
  for (const [key, def] of Object.entries(spec.fields)) {
    try {
      compileField(spec, Number(key), def);
    } catch (error) {
      issues.push(`fields.${key}: ${(error as Error).message}`);
    }
  }
  if (issues.length > 0) throw new Iso8583SpecFileError(source, issues);
  return spec;
}

function mergeSpec(file: SpecFile, base: Iso8583Spec | undefined, issues: string[]): Iso8583Spec {
  const fields: Record<number, FieldDefinition> = { ...base?.fields };
  for (const [key, override] of Object.entries(file.fields)) {
    const merged = mergeField(base?.fields[Number(key)], override);
    if (merged) fields[Number(key)] = merged;
    else {
      const missing = REQUIRED_FIELD_KEYS.filter((k) => override[k] === undefined);
      for (const k of missing) issues.push(`fields.${key}.${k}: required for a field ${base ? base.name : 'the definition'} does not define`);
    }
  }
  const encodings = { ...base?.encodings, ...file.encodings } as Iso8583Spec['encodings'];
  for (const cls of CONTENT_CLASSES) if (!encodings[cls]) issues.push(`encodings.${cls}: required when the definition extends no spec`);
  // The last fallbacks are never used: without a base, the required-key check has already thrown.
  return {
    name: file.name,
    description: file.description ?? `${file.name} (extends ${base?.name ?? 'no spec'})`,
    mtiEncoding: file.mtiEncoding ?? base?.mtiEncoding ?? 'ascii',
    bitmapEncoding: file.bitmapEncoding ?? base?.bitmapEncoding ?? 'hex',
    prefixEncoding: file.prefixEncoding ?? base?.prefixEncoding ?? 'ascii',
    nibblePad: file.nibblePad ?? base?.nibblePad,
    lenient: file.lenient ?? base?.lenient,
    encodings,
    fields,
  };
}

function mergeField(base: FieldDefinition | undefined, override: FieldOverride): FieldDefinition | undefined {
  const merged = { ...base, ...override };
  const complete = REQUIRED_FIELD_KEYS.every((k) => merged[k] !== undefined);
  return complete ? (merged as FieldDefinition) : undefined;
}
