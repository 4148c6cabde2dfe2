import type { DestinationStream } from 'pino';

export interface LogCapture {
  /** Pass as `destination` to {@link createLogger}. */
  readonly destination: DestinationStream;
  /** Every line written so far, parsed. */
  entries(): Array<Record<string, unknown>>;
  /** Everything written so far, raw, for "this never appears anywhere" assertions. */
  text(): string;
}

/** In-memory log destination for tests that assert what a service logs (or never logs). */
export function createLogCapture(): LogCapture {
  const chunks: string[] = [];
  return {
    destination: { write: (line: string) => void chunks.push(line) },
    entries: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => chunks.join(''),
  };
}
