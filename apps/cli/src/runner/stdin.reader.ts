import { CliInputError } from './cli-input.error';
import type { CliIo } from './cli-io.types';

/** A message as JSON is a few KiB at most; anything far larger is a wrong file, not a message. */
const MAX_STDIN_BYTES = 1024 * 1024;

/** Reads all of stdin as UTF-8. A terminal is refused rather than waited on. */
export async function readStdin(stdin: CliIo['stdin']): Promise<string> {
  if (stdin.isTTY) throw new CliInputError('expected the input on stdin (pipe or redirect it), not a terminal');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    size += bytes.length;
    if (size > MAX_STDIN_BYTES) throw new CliInputError(`stdin exceeds ${MAX_STDIN_BYTES} bytes`);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}
