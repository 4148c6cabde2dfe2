import { randomBytes } from 'node:crypto';

/** Polls until `check` returns true; fails naming `what` after timeoutMs. */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A lowercase id that can start a topic name segment, so reruns never share topics. */
export function uniqueSuffix(): string {
  return `t${randomBytes(5).toString('hex')}`;
}
