import type { CardDataBlock } from '@payments/crypto';

/** How the card was read; one bit each in READ CARD's entry mode mask (docs/pinpad-protocol.md §5.8). */
export const ENTRY_MODES = { magstripe: 0x01, chip: 0x02, contactless: 0x04 } as const;
export type EntryMode = keyof typeof ENTRY_MODES;

/** A message with no fields. */
export type NoFields = object;

/** The bridge's commands and their fields, by command name. */
export interface PinPadRequests {
  status: NoFields;
  'device-info': NoFields;
  display: { readonly lines: readonly string[] };
  beep: { readonly count: number; readonly durationMs: number };
  'read-digits': { readonly prompt: string; readonly minDigits: number; readonly maxDigits: number; readonly timeoutMs: number };
  'confirm-amount': { readonly prompt: string; readonly amountMinor: bigint; readonly currency: string; readonly timeoutMs: number };
  'pin-entry': { readonly prompt: string; readonly minDigits: number; readonly maxDigits: number; readonly timeoutMs: number };
  'read-card': { readonly prompt: string; readonly entryModes: readonly EntryMode[]; readonly timeoutMs: number };
  cancel: NoFields;
}

/** The PIN pad's answers, by command name. Nothing here is ever a clear PAN or PIN. */
export interface PinPadAnswers {
  status: { readonly state: 'idle' | 'busy' };
  'device-info': { readonly serialNumber: string; readonly model: string; readonly firmware: string; readonly bdkId: string; readonly ksn: string };
  display: NoFields;
  beep: NoFields;
  'read-digits': { readonly digits: string };
  'confirm-amount': { readonly confirmed: boolean };
  /** The PIN block as the pad's encryptor made it (uppercase hex) and the KSN it used. */
  'pin-entry': { readonly pinBlock: string; readonly ksn: string };
  /** Track 2 equivalent data encrypted (the block the gateway accepts); for chip and contactless, the other EMV tags clear. */
  'read-card': { readonly entryMode: EntryMode; readonly card: CardDataBlock; readonly iccData?: string };
  cancel: NoFields;
}

export type PinPadCommand = keyof PinPadRequests;
export type PinPadRequest = { [C in PinPadCommand]: { readonly command: C } & PinPadRequests[C] }[PinPadCommand];
export type PinPadAnswer = { [C in PinPadCommand]: { readonly command: C } & PinPadAnswers[C] }[PinPadCommand];
export type RequestOf<C extends PinPadCommand> = Extract<PinPadRequest, { command: C }>;
export type AnswerOf<C extends PinPadCommand> = Extract<PinPadAnswer, { command: C }>;

/** The error answer: which command failed and why (docs/pinpad-protocol.md §6). */
export const PINPAD_ERROR_CODES = {
  'keypad-timeout': 0x01,
  'cancelled-by-cardholder': 0x02,
  'card-read-error': 0x03,
  'not-supported': 0x04,
  busy: 0x05,
  cancelled: 0x06,
  'no-card': 0x07,
  'bad-request': 0x08,
} as const;
export type PinPadErrorCode = keyof typeof PINPAD_ERROR_CODES;

export interface PinPadErrorAnswer {
  readonly command: 'error';
  /** The command code the error answers (a code unknown to the pad is reported as it came). */
  readonly failedCode: number;
  readonly error: PinPadErrorCode | 'unknown';
}
