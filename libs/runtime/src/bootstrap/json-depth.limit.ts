import { BadRequestException } from '@nestjs/common';

/**
 * How deep a JSON request body may nest. The deepest body the platform takes (a purchase: the body,
 * then `card`) is 2; 32 leaves room for any future API while a body nested thousands deep, a few KB
 * under the size limit, never reaches class-transformer, which recurses once per level and
 * overflows the stack (a 500 instead of a 400).
 */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/**
 * The nesting depth of raw JSON text, read without parsing or recursion and stopping as soon as it
 * passes `stopAbove` (brackets inside strings do not count). Malformed text is left to the parser.
 */
export function jsonDepthOf(raw: Uint8Array, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPENERS.has(byte)) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAbove) return deepest;
    } else if (CLOSERS.has(byte)) {
      depth--;
    }
  }
  return deepest;
}

/**
 * A body-parser `verify` hook: refuses a body nested deeper than `maxDepth` with a 400 before it is
 * parsed, so neither JSON.parse nor any transformation ever walks it. The exact bytes it accepts
 * stay on the request as `rawBody` (what Nest's own `rawBody` option keeps), for routes whose
 * callers sign the body they send.
 */
export function refuseDeepJson(maxDepth = MAX_JSON_DEPTH): (req: { rawBody?: Buffer }, res: unknown, raw: Buffer) => void {
  return (req, _res, raw) => {
    if (jsonDepthOf(raw, maxDepth) > maxDepth) {
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `body: JSON nested deeper than ${maxDepth} levels is refused` });
    }
    req.rawBody = raw;
  };
}
