import { deepStrictEqual } from 'node:assert';

import type { Iso8583Message } from '@payments/iso8583';

import type { Measurement } from './codec.measure';

/**
 * The floor of any codec of a text wire on this runtime: what encode+decode of the benchmark
 * message costs when nothing is checked, as jPOS's ASCII packagers do (their interpreters copy the
 * characters). Encoding finds the fields present, builds the bitmap, joins the length prefixes and
 * values into one string and writes it into one Buffer; decoding takes one Latin-1 view, reads the
 * bitmap and each length prefix, and cuts the values out into an object made by a literal compiled
 * for the field numbers. No value is checked against its field's class, no length against its
 * maximum, no padding is applied: a codec that does checks cannot be faster than this.
 */
interface FieldSlot {
  readonly field: number;
  /** Digits of the length prefix (0 for a fixed field). */
  readonly prefixDigits: number;
  /** A fixed field's length in characters (variable fields: unused). */
  readonly fixed: number;
}

/** Reads the layout off one encoded message: where each value lies and how its length is given. */
function slotsOf(wire: Buffer, message: Iso8583Message, headerChars: number): FieldSlot[] {
  const text = wire.toString('latin1');
  let at = headerChars;
  return Object.keys(message.fields)
    .map(Number)
    .sort((a, b) => a - b)
    .map((field) => {
      const value = message.fields[field];
      const start = text.indexOf(value, at);
      if (start < 0) throw new Error(`codec floor: field ${field} is not a text value on this wire`);
      const prefixDigits = start - at;
      if (prefixDigits > 0 && Number(text.slice(at, start)) !== value.length) throw new Error(`codec floor: field ${field}: unexpected bytes before its value`);
      at = start + value.length;
      return { field, prefixDigits, fixed: prefixDigits === 0 ? value.length : 0 };
    });
}

/** Buffer's own Latin-1 reader, as the codec calls it (see the codec's buffer-text.util.ts). */
const latin1Slice = (Buffer.prototype as unknown as { latin1Slice: (this: Buffer, start: number, end: number) => string }).latin1Slice;

function bitmapHex(fields: readonly number[]): string {
  const bits = new Uint8Array(fields.some((f) => f > 64) ? 16 : 8);
  if (bits.length === 16) bits[0] |= 0x80;
  for (const f of fields) bits[(f - 1) >> 3] |= 0x80 >> ((f - 1) & 7);
  return Buffer.from(bits).toString('hex').toUpperCase();
}

export function measureCodecFloor(message: Iso8583Message, wire: Buffer, warmupMs: number, durationMs: number): Measurement {
  const fieldNumbers = Object.keys(message.fields).map(Number);
  const bitmap = bitmapHex(fieldNumbers);
  const headerChars = message.mti.length + bitmap.length;
  const slots = slotsOf(wire, message, headerChars);
  const prefix = slots.map((s) => (s.prefixDigits === 0 ? '' : ''.padStart(s.prefixDigits, '0')));
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- from integers only, as the codec's own literal
  const literal = new Function('v', `return { ${slots.map((s, i) => `${s.field}: v[${i}]`).join(', ')} };`) as (v: string[]) => Record<number, string>;
  const values: string[] = new Array<string>(slots.length);

  const encode = (m: Iso8583Message): Buffer => {
    const keys = Object.keys(m.fields);
    let text = m.mti + (keys.length === slots.length ? bitmap : bitmapHex(keys.map(Number)));
    for (let i = 0; i < slots.length; i++) {
      const value = m.fields[slots[i].field];
      const digits = slots[i].prefixDigits;
      text += digits === 0 ? value : (prefix[i] + value.length).slice(-digits) + value;
    }
    return Buffer.from(text, 'latin1');
  };
  const decode = (buffer: Buffer): Iso8583Message => {
    const text = latin1Slice.call(buffer, 0, buffer.length);
    const mti = text.slice(0, 4);
    if (text.slice(4, headerChars) !== bitmap) throw new Error('codec floor: another bitmap');
    let at = headerChars;
    for (let i = 0; i < slots.length; i++) {
      let length = slots[i].fixed;
      for (let d = slots[i].prefixDigits; d > 0; d--) length = length * 10 + text.charCodeAt(at++) - 0x30;
      values[i] = text.slice(at, at + length);
      at += length;
    }
    return { mti, fields: literal(values) };
  };

  deepStrictEqual(encode(message), wire);
  deepStrictEqual(decode(wire), message);
  const last = Math.max(...fieldNumbers);
  const warmupEnd = performance.now() + warmupMs;
  while (performance.now() < warmupEnd) for (let i = 0; i < 1_000; i++) decode(encode(message));
  let rounds = 0;
  let found = 0;
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  const deadline = started + durationMs;
  while (performance.now() < deadline) {
    for (let i = 0; i < 1_000; i++) if (decode(encode(message)).fields[last] !== undefined) found++;
    rounds += 1_000;
  }
  const seconds = (performance.now() - started) / 1_000;
  const cpu = process.cpuUsage(cpuStarted);
  if (found !== rounds) throw new Error(`codec floor: a round trip lost field ${last}`);
  return { roundTrips: rounds, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}
