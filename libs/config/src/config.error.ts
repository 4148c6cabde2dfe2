/** One wrong or missing environment variable; `reason` never contains a secret value. */
export interface ConfigProblem {
  readonly variable: string;
  readonly reason: string;
}

/** Thrown once at boot with every problem found, so an operator fixes them all in one go. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: readonly ConfigProblem[]) {
    const lines = problems.map((p) => `  ${p.variable}: ${p.reason}`);
    super(`Invalid configuration (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):\n${lines.join('\n')}`);
  }
}
