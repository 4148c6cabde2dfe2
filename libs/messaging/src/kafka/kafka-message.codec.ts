import { IHeaders, KafkaMessage, Message } from 'kafkajs';

import { OutgoingMessage, RawMessage } from '../core/raw-message';
import { MessageHeaders } from '../message-bus.port';

/** Values are JSON in UTF-8; a dead letter keeps the bytes it arrived with. */
export function encodeMessage(message: OutgoingMessage): Message {
  return {
    key: message.key,
    value: message.encoded ?? JSON.stringify(message.value ?? null),
    headers: { ...message.headers },
  };
}

export function decodeMessage(topic: string, message: KafkaMessage): RawMessage {
  const base = {
    topic,
    key: message.key?.toString('utf8') ?? '',
    headers: decodeHeaders(message.headers),
    timestamp: Number(message.timestamp),
    encoded: message.value ?? undefined,
  };
  if (message.value === null) return { ...base, value: null, malformed: 'message has no value (tombstone)' };
  try {
    return { ...base, value: JSON.parse(message.value.toString('utf8')) as unknown };
  } catch (error) {
    return { ...base, value: null, malformed: `value is not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function decodeHeaders(headers: IHeaders | undefined): MessageHeaders {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    // A header sent twice arrives as an array: the last one wins, as with a Map put.
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) decoded[name] = last.toString();
  }
  return decoded;
}
