import { CardDataError } from './card-data.error';
import { CardExpiry, formatExpiryYymm, parseExpiryYymm } from './card-expiry.util';
import { assertPanFormat } from './pan.util';

/** Track 2 (ISO/IEC 7813) split into its fields. */
export interface Track2Data {
  readonly pan: string;
  /** YYMM as on the card. */
  readonly expiry: string;
  /** Three digits, ISO/IEC 7813 service code (e.g. 101 international, magstripe; 201 chip). */
  readonly serviceCode: string;
  /** Issuer discretionary data (PVKI, PVV, CVV, ...): digits only; may be empty. */
  readonly discretionaryData: string;
}

/** ISO/IEC 7813: at most 37 characters between the sentinels (ISO 8583 DE 35 is z..37). */
export const TRACK2_MAX_DATA_LENGTH = 37;

const FIELD = 'track2';

function stripFraming(track: string): string {
  let data = track;
  if (data.startsWith(';')) data = data.slice(1);
  const end = data.indexOf('?');
  if (end >= 0) {
    // Start sentinel, end sentinel and an optional LRC character after it.
    if (end < data.length - 2) {
      throw new CardDataError(FIELD, 'unexpected characters after the end sentinel');
    }
    data = data.slice(0, end);
  }
  return data;
}

/**
 * Parses track 2 or its equivalent data: `;PAN=YYMMSSS<discretionary>?`, with or without
 * sentinels, with `=` or the BCD nibble `D` as separator, and with the `F` pad nibble of an
 * odd-length BCD DE 35 removed. Errors name the rule broken, never the data.
 */
export function parseTrack2(track: string): Track2Data {
  const data = stripFraming(track.trim()).toUpperCase().replace(/F$/, '');
  if (data.length > TRACK2_MAX_DATA_LENGTH) {
    throw new CardDataError(FIELD, `has ${data.length} characters, at most ${TRACK2_MAX_DATA_LENGTH} are allowed`);
  }
  const separatorAt = data.search(/[=D]/);
  if (separatorAt < 0) {
    throw new CardDataError(FIELD, 'has no field separator (= or D) after the PAN');
  }
  const pan = data.slice(0, separatorAt);
  assertPanFormat(pan, `${FIELD}.pan`);
  const rest = data.slice(separatorAt + 1);
  if (!/^[0-9]*$/.test(rest)) {
    throw new CardDataError(FIELD, 'only digits may follow the field separator');
  }
  if (rest.length < 7) {
    throw new CardDataError(FIELD, 'needs expiry (YYMM) and service code (3 digits) after the separator');
  }
  const expiry = rest.slice(0, 4);
  parseExpiryYymm(expiry, `${FIELD}.expiry`);
  return { pan, expiry, serviceCode: rest.slice(4, 7), discretionaryData: rest.slice(7) };
}

export interface Track2Input {
  readonly pan: string;
  readonly expiry: string | CardExpiry;
  readonly serviceCode: string;
  readonly discretionaryData?: string;
}

/** Builds track 2 equivalent data `PAN=YYMMSSS<discretionary>` (no sentinels, `=` separator). */
export function formatTrack2(input: Track2Input): string {
  assertPanFormat(input.pan, `${FIELD}.pan`);
  const expiry = typeof input.expiry === 'string' ? input.expiry : formatExpiryYymm(input.expiry);
  parseExpiryYymm(expiry, `${FIELD}.expiry`);
  if (!/^[0-9]{3}$/.test(input.serviceCode)) {
    throw new CardDataError(`${FIELD}.serviceCode`, 'must be three digits');
  }
  const discretionary = input.discretionaryData ?? '';
  if (!/^[0-9]*$/.test(discretionary)) {
    throw new CardDataError(`${FIELD}.discretionaryData`, 'must contain digits only');
  }
  const track = `${input.pan}=${expiry}${input.serviceCode}${discretionary}`;
  if (track.length > TRACK2_MAX_DATA_LENGTH) {
    throw new CardDataError(FIELD, `would have ${track.length} characters, at most ${TRACK2_MAX_DATA_LENGTH} are allowed`);
  }
  return track;
}
