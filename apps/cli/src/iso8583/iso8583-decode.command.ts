import { Iso8583Codec } from '@payments/iso8583';

import type { CliIo } from '../runner/cli-io.types';
import { runCommand } from '../runner/cli-command.runner';
import { parseHexOption } from './hex-option.util';
import { formatMessageJson } from './iso8583-message.schema';

export interface Iso8583DecodeOptions {
  readonly spec: string;
  readonly hex: string;
}

/** `iso8583 decode --spec --hex`: wire bytes as hex -> the message as one JSON line. */
export function runIso8583Decode(options: Iso8583DecodeOptions, io: CliIo): Promise<number> {
  return runCommand(io, () => {
    const codec = Iso8583Codec.forSpec(options.spec);
    return formatMessageJson(codec.decode(parseHexOption('--hex', options.hex)));
  });
}
