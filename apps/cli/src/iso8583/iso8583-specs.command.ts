import type { CliIo } from '../runner/cli-io.types';
import { runCommand } from '../runner/cli-command.runner';
import { iso8583SpecNames } from './iso8583-spec-names.util';

/** `iso8583 specs`: the registered spec names, one per line, for use as `--spec`. */
export function runIso8583Specs(io: CliIo): Promise<number> {
  return runCommand(io, () => iso8583SpecNames().join('\n'));
}
