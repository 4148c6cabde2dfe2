import type { EntryMode } from '@payments/contracts';
import type { Iso8583Message } from '@payments/iso8583';

import { transmissionDateTime } from '../host-link/transaction-time';

/** What every request to the host carries: its own STAN/RRN and the amount, terminal, merchant. */
export interface HostReference {
  stan: string;
  rrn: string;
  amountMinor: bigint;
  currencyNumeric: string;
  terminalId: string;
  merchantId: string;
}

/** An approved (or unknown) earlier request, as a reversal, cancel or completion must name it. */
export interface OriginalRequest extends HostReference {
  mti: string;
  processingCode: string;
  pan: string;
  sentAt: Date;
  approvalCode?: string;
}

/**
 * ISO 8583:1987 field 22, positions 1-2 (PAN entry mode) + 3 (PIN entry capability of the
 * terminal: 1 = can accept PIN). Every terminal here has a PIN pad, so position 3 is 1 whether or
 * not a given request carries a PIN (DE 52 says that).
 */
const POS_ENTRY_MODE: Record<EntryMode, string> = { chip: '051', contactless: '071', magstripe: '901' };
/** Manually keyed / stored credential: the PAN comes from the vault (refund, completion). */
const POS_ENTRY_STORED = '011';

const amount12 = (minor: bigint): string => minor.toString().padStart(12, '0');

/**
 * DE 12 and 13 (local time and date of the transaction) are left to AcquirerClient.sendTo, which
 * knows the time zone of the acquirer and merchant and derives them from the same instant as DE 7.
 */
function commonFields(ref: HostReference, processingCode: string, at: Date): Record<number, string> {
  return {
    3: processingCode,
    4: amount12(ref.amountMinor),
    7: transmissionDateTime(at),
    11: ref.stan,
    25: '00',
    37: ref.rrn,
    41: ref.terminalId.padEnd(8, ' '),
    42: ref.merchantId.padEnd(15, ' '),
    49: ref.currencyNumeric,
  };
}

/** DE 90: original MTI, STAN, transmission date and time, acquiring and forwarding institution ids (zero-filled). */
export const originalDataElements = (original: Pick<OriginalRequest, 'mti' | 'stan' | 'sentAt'>): string =>
  `${original.mti}${original.stan}${transmissionDateTime(original.sentAt)}${'0'.repeat(22)}`;

/**
 * A card-present request (purchase, cash, top-up, preauthorization, balance) with track 2 in DE 35;
 * with an online PIN (already under the acquirer's zone PIN key), DE 52 the block and DE 53 how it
 * is encrypted, in the acquirer dialect's layout (DE 22 is the same with or without one: it states
 * the terminal's capability).
 */
export function buildCardRequest(
  mti: string,
  processingCode: string,
  ref: HostReference,
  card: { track2: string; entryMode: EntryMode; zonePin?: { pinBlock: string; securityControl: string } },
  at: Date,
): Iso8583Message {
  const fields: Record<number, string> = { ...commonFields(ref, processingCode, at), 22: POS_ENTRY_MODE[card.entryMode], 35: card.track2 };
  if (card.zonePin !== undefined) {
    fields[52] = card.zonePin.pinBlock;
    fields[53] = card.zonePin.securityControl;
  }
  return { mti, fields };
}

/** A refund (0200, DE 3 = 20): the card is not presented again; the PAN comes from the vault. */
export function buildRefundRequest(pan: string, ref: HostReference, at: Date): Iso8583Message {
  return { mti: '0200', fields: { ...commonFields(ref, '200000', at), 2: pan, 22: POS_ENTRY_STORED } };
}

/** The completion of a preauthorization: a 0220 advice naming the preauthorization's approval and DE 90. */
export function buildCompletionAdvice(preauth: OriginalRequest, ref: HostReference, at: Date): Iso8583Message {
  const fields: Record<number, string> = {
    ...commonFields(ref, preauth.processingCode, at),
    2: preauth.pan,
    22: POS_ENTRY_STORED,
    90: originalDataElements(preauth),
  };
  if (preauth.approvalCode) fields[38] = preauth.approvalCode.padEnd(6, ' ');
  return { mti: '0220', fields };
}

/**
 * Undoing an original: 0400, then 0420 (advice) for every repeat. It re-sends the original's DE 2,
 * 3, 4, 37, 41, 42, 49 with a new STAN and DE 7 and names it in DE 90. A partial cancel states
 * in DE 95 (replacement amounts, an42) what the original is worth afterwards.
 */
export function buildReversalRequest(original: OriginalRequest, stan: string, options: { repeat: boolean; remainingMinor?: bigint }, at: Date): Iso8583Message {
  const fields: Record<number, string> = {
    ...commonFields({ ...original, stan }, original.processingCode, at),
    2: original.pan,
    90: originalDataElements(original),
  };
  if (original.approvalCode) fields[38] = original.approvalCode.padEnd(6, ' ');
  if (options.remainingMinor !== undefined && options.remainingMinor > 0n) {
    fields[95] = `${amount12(options.remainingMinor)}${amount12(options.remainingMinor)}C00000000C00000000`;
  }
  return { mti: options.repeat ? '0420' : '0400', fields };
}
