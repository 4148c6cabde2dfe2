import { z } from 'zod';

import { loadConfig } from '@payments/config';

import { acquirerFileConfigSchema } from '../../files/config/settlement-files-env';

/** A journal file's layout, values, folder and delivery as an acquirer file's, and the acquirers whose closed days it waits for. */
export const journalFilesConfigSchema = acquirerFileConfigSchema.extend({
  /** A day's journal files are made once each of these acquirers has closed that day; they list these acquirers' postings. */
  acquirers: z
    .array(z.string().min(1))
    .min(1)
    .transform((ids) => [...new Set(ids)].sort()),
});
export type JournalFilesConfig = z.infer<typeof journalFilesConfigSchema>;

const schema = z.object({
  /** JSON `{ layout, values, folder, delivery, acquirers }`; unset or empty: no journal files. */
  SETTLEMENT_JOURNAL_FILES: z
    .string()
    .default('')
    .transform((text, context): JournalFilesConfig | undefined => {
      if (text.trim() === '') return undefined;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        context.addIssue({ code: 'custom', message: 'expected a JSON object { layout, values, folder, delivery, acquirers }' });
        return z.NEVER;
      }
      const parsed = journalFilesConfigSchema.safeParse(json);
      if (parsed.success) return parsed.data;
      const first = parsed.error.issues[0];
      context.addIssue({ code: 'custom', message: `${first.path.join('.')}: ${first.message}` });
      return z.NEVER;
    }),
});

export type JournalFilesEnv = z.infer<typeof schema>;

export function loadJournalFilesEnv(env: NodeJS.ProcessEnv): JournalFilesEnv {
  return loadConfig(schema, env);
}
