import { Iso8583Codec } from '@payments/iso8583';

import type { CliIo } from '../runner/cli-io.types';
import { runCommand } from '../runner/cli-command.runner';
import { readStdin } from '../runner/stdin.reader';
import { parseMessageJson } from './iso8583-message.schema';

export interface Iso8583EncodeOptions {
  readonly spec: string;
}

/** `iso8583 encode --spec`: the message JSON on stdin -> the wire bytes as uppercase hex. */
export function runIso8583Encode(options: Iso8583EncodeOptions, io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    // Resolve the spec first: an unknown name fails at once instead of after reading stdin.
    const codec = Iso8583Codec.forSpec(options.spec);
    const message = parseMessageJson(await readStdin(io.stdin));
    return codec.encode(message).toString('hex').toUpperCase();
  });
}
