import { z } from 'zod';

import { FIELD_LENIENCY_RULES, MESSAGE_LENIENCY_RULES } from '../leniency/leniency.types';

// Enum values mirror the types in iso8583-spec.types.ts; the loader's type check keeps them in step.
const padSide = z.enum(['left', 'right']);
const prefixEncoding = z.enum(['ascii', 'bcd', 'binary']);
const valueEncoding = z.enum(['ascii', 'bcd', 'hex', 'binary']);
const contentClass = z.enum(['n', 'a', 'an', 'ans', 'b', 'z', 'xn']);

/** One field of a dialect: all keys optional, so an override can change only what differs. */
const fieldSchema = z
  .strictObject({
    name: z.string().min(1),
    lengthType: z.enum(['FIXED', 'LLVAR', 'LLLVAR']),
    maxLength: z.number().int().min(1).max(999),
    contentClass,
    encoding: valueEncoding.optional(),
    prefixEncoding: prefixEncoding.optional(),
    pad: padSide.optional(),
    nibblePad: padSide.optional(),
    lenient: z.array(z.enum(FIELD_LENIENCY_RULES)),
  })
  .partial();

export type FieldOverride = z.infer<typeof fieldSchema>;

const FIELD_NUMBER = /^(?:[2-9]|[1-9][0-9]|1[01][0-9]|12[0-8])$/;

/**
 * A spec definition file: an acquirer dialect that extends a registered spec and overrides or adds
 * fields, or (without `extends`) a complete spec. Unknown keys are errors, so a typo cannot be
 * silently ignored.
 */
export const specFileSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
    extends: z.string().min(1).optional(),
    description: z.string().optional(),
    mtiEncoding: z.enum(['ascii', 'bcd']).optional(),
    bitmapEncoding: z.enum(['hex', 'binary']).optional(),
    prefixEncoding: prefixEncoding.optional(),
    nibblePad: padSide.optional(),
    encodings: z
      .strictObject({ n: valueEncoding, a: valueEncoding, an: valueEncoding, ans: valueEncoding, b: valueEncoding, z: valueEncoding, xn: valueEncoding })
      .partial()
      .optional(),
    lenient: z.array(z.enum(MESSAGE_LENIENCY_RULES)).optional(),
    fields: z.record(z.string(), fieldSchema).default({}),
  })
  .superRefine((file, ctx) => {
    for (const key of Object.keys(file.fields)) {
      if (!FIELD_NUMBER.test(key)) ctx.addIssue({ code: 'custom', path: ['fields', key], message: 'field number must be 2-128 (1 is the bitmap)' });
    }
  });

export type SpecFile = z.infer<typeof specFileSchema>;
