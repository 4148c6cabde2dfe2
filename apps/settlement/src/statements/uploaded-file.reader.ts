import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';

import { hashOperatorKey } from '@payments/runtime';

/** How a back office sends a statement file: its bytes as the body (curl --data-binary @file), untouched by any body parser. */
export const STATEMENT_CONTENT_TYPES = ['application/xml', 'text/xml', 'text/plain', 'application/octet-stream'] as const;

/**
 * The request body as bytes, up to `maxBytes` (413 beyond, before reading when Content-Length
 * says so). Its SHA-256 is the file's identity, so it is read as sent, never re-encoded.
 */
export async function readUploadedFile(request: Request, maxBytes: number): Promise<Buffer> {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!(STATEMENT_CONTENT_TYPES as readonly string[]).includes(type)) {
    throw new UnsupportedMediaTypeException(`Content-Type: send the file's bytes as ${STATEMENT_CONTENT_TYPES.join(', ')}, not "${type || 'none'}"`);
  }
  const tooLarge = () => new PayloadTooLargeException(`file: larger than ${maxBytes} bytes (SETTLEMENT_STATEMENT_MAX_BYTES)`);
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
  if (size === 0) throw new BadRequestException('file: the request body is empty; send the statement file as the body');
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
