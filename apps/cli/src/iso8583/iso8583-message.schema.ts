import type { Iso8583Message } from '@payments/iso8583';

import { z } from 'zod';

import { CliInputError } from '../runner/cli-input.error';

/**
 * The JSON form of a message, exactly what `decode` prints and `encode` reads:
 * {"mti":"0200","fields":{"2":"...","52":"0412AC89ABCDEF67"}}. Field numbers are canonical
 * decimals ("02" would name no field); which numbers and values are valid is the spec's call.
 */
const messageJson = z.strictObject({
  mti: z.string(),
  fields: z.record(z.string().regex(/^[1-9][0-9]*$/, 'a field number is a decimal without leading zeros'), z.string()),
});

export function parseMessageJson(text: string): Iso8583Message {
  if (text.trim().length === 0) throw new CliInputError('stdin is empty; expected the message JSON');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // The parser's own message quotes the input, which may hold card data: keep the position only.
    const position = error instanceof Error ? /at position (\d+)/.exec(error.message)?.[1] : undefined;
    throw new CliInputError(`stdin is not valid JSON${position === undefined ? '' : ` (at position ${position})`}`);
  }
  const parsed = messageJson.safeParse(value);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const path = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    const reason = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
    throw new CliInputError(`message JSON${path}: ${reason}`);
  }
  return parsed.data;
}

/** Decoded message -> JSON text; integer-like keys serialize in ascending numeric order. */
export function formatMessageJson(message: Iso8583Message): string {
  return JSON.stringify({ mti: message.mti, fields: message.fields });
}
