import { z } from 'zod';

/** A message that does not match its topic's schema; names the topic and each offending field. */
export class SchemaViolationError extends Error {
  constructor(
    readonly topic: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(`message on ${topic} violates its schema: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'SchemaViolationError';
  }
}

export function parseMessage<T>(topic: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new SchemaViolationError(
      topic,
      result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return result.data;
}
