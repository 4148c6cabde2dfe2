import { z } from 'zod';

import { loadConfig } from '@payments/config';

import { safeJson } from '../reconciliation/reconciliation-env';

/** How many days after a business day each acquirer's transfers must have paid its lines, as data (default 2). */
export class TransferDueDays {
  constructor(
    private readonly perAcquirer: Readonly<Record<string, number>> = {},
    private readonly fallback = 2,
  ) {}

  of(acquirerId: string): number {
    return this.perAcquirer[acquirerId] ?? this.fallback;
  }
}

const days = z.number().int().min(0).max(60);

const schema = z.object({
  /** JSON, acquirer id -> days after the business day its transfers are due by, e.g. {"acq-cz": 1}. */
  SETTLEMENT_TRANSFER_DUE_DAYS: z
    .string()
    .default('{}')
    .transform((text, context) => {
      const parsed = z.record(z.string().min(1).max(64), days).safeParse(safeJson(text));
      if (parsed.success) return parsed.data;
      context.addIssue({ code: 'custom', message: 'expected a JSON object of acquirer id -> whole days from 0 to 60' });
      return z.NEVER;
    }),
  /** The due days of every acquirer without its own. */
  SETTLEMENT_TRANSFER_DEFAULT_DUE_DAYS: z.coerce.number().pipe(days).default(2),
});

/** The due days from the typed env, validated once at boot (a bad value stops it, naming the variable). */
export function loadTransferDueDays(env: NodeJS.ProcessEnv): TransferDueDays {
  const config = loadConfig(schema, env);
  return new TransferDueDays(config.SETTLEMENT_TRANSFER_DUE_DAYS, config.SETTLEMENT_TRANSFER_DEFAULT_DUE_DAYS);
}
