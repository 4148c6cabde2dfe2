import { z } from 'zod';

import { loadConfig } from '@payments/config';

import { AcquirerFeeSchedule } from './acquirer-fee.schedule';

const rateSchema = z
  .object({ basisPoints: z.number().int().min(0).max(10_000), fixedMinor: z.number().int().min(0) })
  .strict()
  .transform(({ basisPoints, fixedMinor }) => ({ basisPoints, fixedMinor: BigInt(fixedMinor) }));

const schema = z.object({
  /**
   * The fee each acquirer is expected to charge, per scheme (`*` for the rest), as JSON:
   * {"acq-cz": {"visa": {"basisPoints": 150, "fixedMinor": 10}, "*": {"basisPoints": 200, "fixedMinor": 0}}}.
   * Empty by default: reported fees are kept, never compared.
   */
  SETTLEMENT_ACQUIRER_FEES: z
    .string()
    .default('{}')
    .transform((text, context) => {
      const parsed = z.record(z.string().min(1).max(64), z.record(z.string().min(1), rateSchema)).safeParse(safeJson(text));
      if (parsed.success) return parsed.data;
      context.addIssue({ code: 'custom', message: 'expected a JSON object of acquirer id -> scheme (or *) -> {"basisPoints": n, "fixedMinor": n}' });
      return z.NEVER;
    }),
});

/** JSON.parse, or undefined for text that is not JSON (for zod to refuse, naming the variable). */
export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The fee schedule from the typed env, validated once at boot (a bad value stops it, naming the variable). */
export function loadAcquirerFeeSchedule(env: NodeJS.ProcessEnv): AcquirerFeeSchedule {
  return new AcquirerFeeSchedule(loadConfig(schema, env).SETTLEMENT_ACQUIRER_FEES);
}
