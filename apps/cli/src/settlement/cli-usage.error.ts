/** An argument the operator got wrong (a malformed day, a missing option): exit 2, before any request. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/** The exit code of a usage error, as POSIX utilities use it (1 stays for a failed request). */
export const USAGE_EXIT_CODE = 2;
