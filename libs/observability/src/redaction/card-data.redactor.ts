import { isLuhnValid } from '@payments/card';

import { REDACTED } from './sensitive-key.policy';

// ISO/IEC 7813 track 1 (format B): %B PAN ^ NAME ^ YYMM service code, discretionary data ?
const TRACK1_PATTERN = /%?B\d{13,19}\^[^^\r\n]{0,26}\^\d{4}[^?\s"',;]*\??/g;
// ISO/IEC 7813 track 2: ;PAN=YYMM service code, discretionary data ? ; in packed form (ISO 8583
// field 35, BCD) the separator is the nibble D and odd lengths are padded with F.
const TRACK2_PATTERN = /;?\d{13,19}[=Dd]\d{4}[\dA-Fa-f]*\??/g;
// A run of digits, allowing one space or dash between groups ("4242 4242 4242 4242").
const DIGIT_RUN_PATTERN = /\d(?:[ -]?\d)*/g;

const PAN_MIN_DIGITS = 13;
const PAN_MAX_DIGITS = 19;
// PCI DSS 3.4.1: at most the BIN (first 6) and the last 4 digits may be displayed.
const KEEP_FIRST = 6;
const KEEP_LAST = 4;

interface DigitWindow {
  readonly start: number;
  readonly end: number;
}

/**
 * Scrubs card data from free text (log messages, error messages and stacks, span attributes).
 * Track 1/2 data is replaced entirely; a 13-19 digit run that passes Luhn is masked to its first 6
 * and last 4 digits (PCI DSS 3.3: no sensitive authentication data after authorization; 3.4.1:
 * PAN masked when displayed). A run longer than 19 digits (an ISO 8583 dump, a PAN glued to its
 * expiry) is searched for an embedded PAN at every offset.
 */
export function redactCardData(text: string): string {
  if (!/\d/.test(text)) return text;
  return text.replace(TRACK1_PATTERN, REDACTED).replace(TRACK2_PATTERN, REDACTED).replace(DIGIT_RUN_PATTERN, maskDigitRun);
}

/** True when the whole value is a 13-19 digit Luhn-valid number (a PAN logged as a number). */
export function isPanLikeInteger(value: number | bigint): boolean {
  if (typeof value === 'number' && !Number.isInteger(value)) return false;
  const digits = (value < 0 ? -value : value).toString();
  return digits.length >= PAN_MIN_DIGITS && digits.length <= PAN_MAX_DIGITS && isLuhnValid(digits);
}

function maskDigitRun(run: string): string {
  const positions: number[] = [];
  const groupStarts: number[] = [0];
  for (let i = 0; i < run.length; i += 1) {
    const char = run.charAt(i);
    if (char >= '0' && char <= '9') positions.push(i);
    else groupStarts.push(positions.length);
  }
  if (positions.length < PAN_MIN_DIGITS) return run;

  const digits = positions.map((index) => run.charAt(index)).join('');
  const masked = new Set<number>();
  for (const window of candidateWindows(groupStarts, digits.length)) {
    if (!isLuhnValid(digits.slice(window.start, window.end))) continue;
    for (let k = window.start + KEEP_FIRST; k < window.end - KEEP_LAST; k += 1) masked.add(k);
  }
  if (masked.size === 0) return run;

  const chars = run.split('');
  for (const k of masked) chars[positions[k] ?? 0] = '*';
  return chars.join('');
}

// Windows of whole digit groups with 13-19 digits, and every 13-19 digit slice of a group that is
// itself longer than 19 digits. A lone 13-19 digit group is checked as a whole only, which keeps
// random ids of that length from being partly masked.
function candidateWindows(groupStarts: readonly number[], digitCount: number): DigitWindow[] {
  const bounds = [...groupStarts, digitCount];
  const windows: DigitWindow[] = [];
  for (let g = 0; g < bounds.length - 1; g += 1) {
    const groupStart = bounds[g] ?? 0;
    const groupEnd = bounds[g + 1] ?? 0;
    for (let h = g + 1; h < bounds.length; h += 1) {
      const length = (bounds[h] ?? 0) - groupStart;
      if (length > PAN_MAX_DIGITS) break;
      if (length >= PAN_MIN_DIGITS) windows.push({ start: groupStart, end: bounds[h] ?? 0 });
    }
    if (groupEnd - groupStart > PAN_MAX_DIGITS) windows.push(...slidingWindows(groupStart, groupEnd));
  }
  return windows;
}

function slidingWindows(from: number, to: number): DigitWindow[] {
  const windows: DigitWindow[] = [];
  for (let start = from; start + PAN_MIN_DIGITS <= to; start += 1) {
    for (let length = PAN_MIN_DIGITS; length <= PAN_MAX_DIGITS && start + length <= to; length += 1) {
      windows.push({ start, end: start + length });
    }
  }
  return windows;
}
