import { toErrorLine } from './error-line.util';
import type { CliIo } from './cli-io.types';

/**
 * Runs one command and owns its output contract: the result on stdout and exit 0, or exactly one
 * `error: ...` line on stderr, nothing on stdout, and exit 1. The result is written only once the
 * command has fully succeeded, so a failure never leaves partial output behind.
 */
export async function runCommand(io: CliIo, command: () => string | Promise<string>): Promise<number> {
  let output: string;
  try {
    output = await command();
  } catch (error) {
    io.stderr.write(`${toErrorLine(error)}\n`);
    return 1;
  }
  io.stdout.write(`${output}\n`);
  return 0;
}
