import { z } from 'zod';

import { ConfigError, ConfigProblem } from './config.error';
import { describeValue } from './secret-mask.util';

export type EnvSource = Readonly<Record<string, string | undefined>>;

/**
 * Validates the variables named by `schema` (and only those) from `env`, once at boot
 * (CONVENTIONS.md rule 5). An empty string counts as unset, so `PORT=` falls back to the default.
 * Throws ConfigError listing every wrong or missing variable.
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: EnvSource = process.env): z.output<S> {
  const input: Record<string, string | undefined> = {};
  for (const name of Object.keys(schema.shape)) {
    const raw = env[name];
    input[name] = raw === '' ? undefined : raw;
  }
  const result = schema.safeParse(input);
  if (result.success) {
    return result.data;
  }
  throw new ConfigError(toProblems(result.error.issues, input));
}

function toProblems(issues: readonly z.core.$ZodIssue[], input: Record<string, string | undefined>): ConfigProblem[] {
  const problems = new Map<string, ConfigProblem>();
  for (const issue of issues) {
    const variable = String(issue.path[0] ?? '(config)');
    if (problems.has(variable)) {
      continue;
    }
    const raw = input[variable];
    const reason = raw === undefined ? 'required' : `${issue.message}, got ${describeValue(variable, raw)}`;
    problems.set(variable, { variable, reason });
  }
  return [...problems.values()];
}
