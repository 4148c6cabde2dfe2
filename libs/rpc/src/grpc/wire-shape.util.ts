import { z } from 'zod';

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; options?: z.ZodType[]; shape?: Record<string, z.ZodType> };

/**
 * Turns a decoded proto3 message into the shape its zod schema describes. proto3 does not send a
 * field that holds its default, so a required number or string that is absent is its default (0,
 * ""), a required list that is absent is empty, and an optional list that is empty is absent.
 * Nothing else changes: the schema then accepts or refuses the result as it would any object.
 */
export function conformToSchema(schema: z.ZodType, value: unknown): unknown {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  switch (def.type) {
    case 'optional': {
      if (value === undefined || (Array.isArray(value) && value.length === 0)) return undefined;
      return conformToSchema(def.innerType!, value);
    }
    case 'object':
      return isRecord(value) ? conformObject((schema as z.ZodObject).shape, value) : value;
    case 'array':
      if (value === undefined) return [];
      return Array.isArray(value) ? value.map((item) => conformToSchema(def.element!, item)) : value;
    case 'union':
      return conformUnion(def.options!, value);
    case 'string':
      return value ?? '';
    case 'number':
      return value ?? 0;
    case 'boolean':
      return value ?? false;
    default:
      return value;
  }
}

function conformObject(shape: Record<string, z.ZodType>, value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const conformed = conformToSchema(field, value[key]);
    if (conformed !== undefined) out[key] = conformed;
  }
  return out;
}

/** The first option the value fits once conformed to it; else as the first option would read it. */
function conformUnion(options: z.ZodType[], value: unknown): unknown {
  const candidates = options.map((option) => [option, conformToSchema(option, value)] as const);
  const fitting = candidates.find(([option, candidate]) => option.safeParse(candidate).success);
  return (fitting ?? candidates[0])[1];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
