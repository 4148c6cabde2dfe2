import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';

import { hashOperatorKey } from '@payments/runtime';

/** What an upload route takes: its content types, its size limit and the setting that sets it, and what the file is (for the errors). */
export interface UploadRules {
  readonly contentTypes: readonly string[];
  readonly maxBytes: number;
  /** The environment variable behind maxBytes, named in the 413. */
  readonly maxBytesSetting: string;
  /** e.g. "the statement file", in "send the statement file as the body". */
  readonly what: string;
}

/**
 * The request body as bytes, up to `maxBytes` (413 beyond, before reading when Content-Length
 * says so). Its SHA-256 is the file's identity, so it is read as sent, never re-encoded. The route
 * must take no body parser for these content types (the platform parses JSON only).
 */
export async function readUploadedFile(request: Request, rules: UploadRules): Promise<Buffer> {
  const { contentTypes, maxBytes, maxBytesSetting, what } = rules;
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!contentTypes.includes(type)) {
    throw new UnsupportedMediaTypeException(`Content-Type: send the file's bytes as ${contentTypes.join(', ')}, not "${type || 'none'}"`);
  }
  const tooLarge = () => new PayloadTooLargeException(`file: larger than ${maxBytes} bytes (${maxBytesSetting})`);
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      // The rest is drained unread, so the 413 still reaches the client.
      request.resume();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  if (size === 0) throw new BadRequestException(`file: the request body is empty; send ${what} as the body`);
  return Buffer.concat(chunks);
}

/**
 * The operator key's id: the first 12 hex digits of its SHA-256, as it appears in
 * OPERATOR_KEY_HASHES, so an import names which key made it without storing the key.
 */
export function operatorKeyIdOf(request: Request): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  return match ? hashOperatorKey(match[1]).slice(0, 12) : null;
}
