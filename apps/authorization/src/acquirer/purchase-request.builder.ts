import type { EntryMode } from '@payments/contracts';
import type { Iso8583Message } from '@payments/iso8583';

export interface AcquirerReference {
  stan: string;
  rrn: string;
  amountMinor: bigint;
  currencyNumeric: string;
  terminalId: string;
  merchantId: string;
}

/** ISO 8583:1987 field 22, positions 1-2 (PAN entry mode) + 3 (PIN entry capability: 1 = can accept PIN). */
const POS_ENTRY_MODE: Record<EntryMode, string> = { chip: '051', contactless: '071', magstripe: '901' };

const two = (n: number): string => String(n).padStart(2, '0');
/** Field 7, transmission date and time, MMDDhhmmss (UTC). */
export const transmissionDateTime = (t: Date): string =>
  `${two(t.getUTCMonth() + 1)}${two(t.getUTCDate())}${two(t.getUTCHours())}${two(t.getUTCMinutes())}${two(t.getUTCSeconds())}`;

function commonFields(ref: AcquirerReference, at: Date): Record<number, string> {
  const field7 = transmissionDateTime(at);
  return {
    3: '000000',
    4: ref.amountMinor.toString().padStart(12, '0'),
    7: field7,
    11: ref.stan,
    12: field7.slice(4),
    13: field7.slice(0, 4),
    25: '00',
    37: ref.rrn,
    41: ref.terminalId.padEnd(8, ' '),
    42: ref.merchantId.padEnd(15, ' '),
    49: ref.currencyNumeric,
  };
}

/** A 0200 financial request (purchase, processing code 00) with track 2 equivalent data in field 35. */
export function buildPurchaseRequest(ref: AcquirerReference, track2: string, entryMode: EntryMode, at: Date): Iso8583Message {
  return { mti: '0200', fields: { ...commonFields(ref, at), 22: POS_ENTRY_MODE[entryMode], 35: track2 } };
}

/**
 * The reversal of a purchase: 0400 first, 0420 (advice) for every repeat. Card data is the PAN
 * (field 2) from the vault, as track 2 is never stored; field 90 names the original (MTI, STAN,
 * transmission date and time, acquirer and forwarding institution ids).
 */
export function buildReversalRequest(original: AcquirerReference & { pan: string; sentAt: Date }, stan: string, repeat: boolean, at: Date): Iso8583Message {
  const field90 = `0200${original.stan}${transmissionDateTime(original.sentAt)}${'0'.repeat(22)}`;
  return {
    mti: repeat ? '0420' : '0400',
    fields: { ...commonFields({ ...original, stan }, at), 2: original.pan, 90: field90 },
  };
}
