import { z } from 'zod';

/** `field.path: what is expected; ...` - names the fields, never echoes their values (card data). */
export function schemaIssuesOf(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}
