import { z } from 'zod';

import { loadConfig } from '@payments/config';
import { fileDeliveryConfigSchema } from '@payments/file-delivery';

export const acquirerFileConfigSchema = z.strictObject({
  /** A shipped layout's name (acquirer-transactions-csv, acquirer-transactions-fixed) or a layout file's path. */
  layout: z.string().min(1),
  /** The values the layout's header, trailer and file name take: the acquirer id as the acquirer knows it, say. */
  values: z.record(z.string().min(1), z.string()).default({}),
  /** A folder under the destination the files go into ('' for its root). */
  folder: z.string().default(''),
  delivery: fileDeliveryConfigSchema,
});
export type AcquirerFileConfig = z.infer<typeof acquirerFileConfigSchema>;
export type FileDeliveryConfig = AcquirerFileConfig['delivery'];

/** An acquirer id as the close-day API takes it; it also names the acquirer's archive folder, so no '/' and no leading dot. */
const ACQUIRER_ID_RULE = 'an acquirer id is 1-64 letters, digits, dots, dashes or underscores, first a letter or digit';
const acquirerIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, ACQUIRER_ID_RULE);
const acquirerFilesSchema = z.record(acquirerIdSchema, acquirerFileConfigSchema);

const schema = z.object({
  /**
   * Each acquirer's transaction file, as JSON: acquirer id -> { layout, values, folder, delivery }.
   * An acquirer without an entry gets no file.
   */
  SETTLEMENT_FILES: z
    .string()
    .default('{}')
    .transform((text, context) => {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        context.addIssue({ code: 'custom', message: 'expected a JSON object of acquirer id -> { layout, values, folder, delivery }' });
        return z.NEVER;
      }
      const parsed = acquirerFilesSchema.safeParse(json);
      if (parsed.success) return parsed.data;
      const first = parsed.error.issues[0];
      // zod names a bad record key only as "Invalid key in record": say what a key must be.
      const problem = first.code === 'invalid_key' ? ACQUIRER_ID_RULE : first.message;
      context.addIssue({ code: 'custom', message: `${first.path.join('.')}: ${problem}` });
      return z.NEVER;
    }),
  /** Where files are written before delivery, and archived (`archive/`) once sent. */
  SETTLEMENT_FILES_DIR: z.string().min(1).default('data/settlement-files'),
  /** Delivery attempts before a file is marked failed (an operator re-sends it then). */
  SETTLEMENT_FILES_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(6),
  /** The wait after the first failed attempt; it doubles with each further one (at most an hour). */
  SETTLEMENT_FILES_RETRY_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  /** The longest gap between two passes of the files worker (a batch closed meanwhile waits at most this). */
  SETTLEMENT_FILES_PASS_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
});

export type SettlementFilesEnv = z.infer<typeof schema>;

export function loadSettlementFilesEnv(env: NodeJS.ProcessEnv): SettlementFilesEnv {
  return loadConfig(schema, env);
}
