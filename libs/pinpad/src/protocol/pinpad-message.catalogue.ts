import { ENTRY_MODES, EntryMode, PinPadAnswers, PinPadCommand, PinPadRequests } from './pinpad-message.model';
import { PayloadReader, PayloadWriter } from './payload-field.codec';

/** How one command and its answer are laid out in a frame's DATA. */
export interface CommandLayout<C extends PinPadCommand> {
  readonly code: number;
  writeRequest(request: PinPadRequests[C], w: PayloadWriter): void;
  readRequest(r: PayloadReader): PinPadRequests[C];
  writeAnswer(answer: PinPadAnswers[C], w: PayloadWriter): void;
  readAnswer(r: PayloadReader): PinPadAnswers[C];
}

/** The answer code is the command code with the high bit set; 0xFF is the error answer. */
export const ANSWER_BIT = 0x80;
export const ERROR_ANSWER_CODE = 0xff;

const KSN_BYTES = 10;
const MAX_DISPLAY_LINES = 4;

const none = {
  writeRequest: () => undefined,
  readRequest: () => ({}),
  writeAnswer: () => undefined,
  readAnswer: () => ({}),
};

function writeKsn(hex: string, w: PayloadWriter): void {
  if (!/^[0-9A-F]{20}$/.test(hex)) throw new RangeError('ksn must be 20 uppercase hex digits');
  w.bytes(Buffer.from(hex, 'hex'));
}

function readKsn(r: PayloadReader): string {
  const ksn = r.bytes('ksn');
  if (ksn.length !== KSN_BYTES) throw new RangeError(`ksn must be ${KSN_BYTES} bytes, has ${ksn.length}`);
  return ksn.toString('hex').toUpperCase();
}

function entryModeMask(modes: readonly EntryMode[]): number {
  return modes.reduce((mask, mode) => mask | ENTRY_MODES[mode], 0);
}

function entryModesOf(mask: number): EntryMode[] {
  return (Object.keys(ENTRY_MODES) as EntryMode[]).filter((mode) => (mask & ENTRY_MODES[mode]) !== 0);
}

function entryModeOf(byte: number): EntryMode {
  const [mode, ...more] = entryModesOf(byte);
  if (!mode || more.length > 0) throw new RangeError(`entry mode 0x${byte.toString(16)} is not one of magstripe, chip, contactless`);
  return mode;
}

/** Digit prompts (read digits, PIN entry) share one layout: prompt, min, max, keypad timeout. */
const digitPrompt = {
  writeRequest: (q: PinPadRequests['read-digits'], w: PayloadWriter) => void w.text(q.prompt, 'prompt').u8(q.minDigits).u8(q.maxDigits).u32(q.timeoutMs),
  readRequest: (r: PayloadReader) => ({ prompt: r.text('prompt'), minDigits: r.u8('minDigits'), maxDigits: r.u8('maxDigits'), timeoutMs: r.u32('timeoutMs') }),
};

/** Every command, by name: the one table both sides read (docs/pinpad-protocol.md §5). */
export const COMMAND_LAYOUTS: { readonly [C in PinPadCommand]: CommandLayout<C> } = {
  status: {
    ...none,
    code: 0x01,
    writeAnswer: (a, w) => void w.u8(a.state === 'busy' ? 1 : 0),
    readAnswer: (r) => ({ state: r.u8('state') === 0 ? 'idle' : 'busy' }),
  },
  'device-info': {
    ...none,
    code: 0x02,
    writeAnswer: (a, w) => {
      w.text(a.serialNumber, 'serialNumber').text(a.model, 'model').text(a.firmware, 'firmware').text(a.bdkId, 'bdkId');
      writeKsn(a.ksn, w);
    },
    readAnswer: (r) => ({
      serialNumber: r.text('serialNumber'),
      model: r.text('model'),
      firmware: r.text('firmware'),
      bdkId: r.text('bdkId'),
      ksn: readKsn(r),
    }),
  },
  display: {
    ...none,
    code: 0x10,
    writeRequest: (q, w) => {
      if (q.lines.length > MAX_DISPLAY_LINES) throw new RangeError(`display takes at most ${MAX_DISPLAY_LINES} lines`);
      w.u8(q.lines.length);
      q.lines.forEach((line, i) => w.text(line, `lines[${i}]`));
    },
    readRequest: (r) => ({ lines: Array.from({ length: r.u8('line count') }, (_, i) => r.text(`lines[${i}]`)) }),
  },
  beep: {
    ...none,
    code: 0x11,
    writeRequest: (q, w) => void w.u8(q.count).u16(q.durationMs),
    readRequest: (r) => ({ count: r.u8('count'), durationMs: r.u16('durationMs') }),
  },
  'read-digits': {
    ...digitPrompt,
    code: 0x20,
    writeAnswer: (a, w) => void w.text(a.digits, 'digits'),
    readAnswer: (r) => ({ digits: r.text('digits') }),
  },
  'confirm-amount': {
    code: 0x21,
    writeRequest: (q, w) => void w.text(q.prompt, 'prompt').u64(q.amountMinor).text(q.currency, 'currency').u32(q.timeoutMs),
    readRequest: (r) => ({ prompt: r.text('prompt'), amountMinor: r.u64('amountMinor'), currency: r.text('currency'), timeoutMs: r.u32('timeoutMs') }),
    writeAnswer: (a, w) => void w.u8(a.confirmed ? 1 : 0),
    readAnswer: (r) => ({ confirmed: r.u8('confirmed') === 1 }),
  },
  'pin-entry': {
    ...digitPrompt,
    code: 0x22,
    writeAnswer: (a, w) => {
      w.bytes(Buffer.from(a.pinBlock, 'hex'));
      writeKsn(a.ksn, w);
    },
    readAnswer: (r) => ({ pinBlock: r.bytes('pinBlock').toString('hex').toUpperCase(), ksn: readKsn(r) }),
  },
  'read-card': {
    code: 0x30,
    writeRequest: (q, w) => void w.text(q.prompt, 'prompt').u8(entryModeMask(q.entryModes)).u32(q.timeoutMs),
    readRequest: (r) => ({ prompt: r.text('prompt'), entryModes: entryModesOf(r.u8('entryModes')), timeoutMs: r.u32('timeoutMs') }),
    writeAnswer: (a, w) => {
      w.u8(ENTRY_MODES[a.entryMode]).text(a.card.bdkId, 'bdkId');
      writeKsn(a.card.ksn, w);
      w.bytes(Buffer.from(a.card.ciphertext, 'hex')).bytes(Buffer.from(a.iccData ?? '', 'hex'));
    },
    readAnswer: (r) => {
      const entryMode = entryModeOf(r.u8('entryMode'));
      const card = { bdkId: r.text('bdkId'), ksn: readKsn(r), ciphertext: r.bytes('ciphertext').toString('hex').toUpperCase() };
      const icc = r.bytes('iccData');
      return icc.length > 0 ? { entryMode, card, iccData: icc.toString('hex').toUpperCase() } : { entryMode, card };
    },
  },
  cancel: { ...none, code: 0x40 },
};

const BY_CODE = new Map<number, PinPadCommand>((Object.keys(COMMAND_LAYOUTS) as PinPadCommand[]).map((command) => [COMMAND_LAYOUTS[command].code, command]));

export function commandOfCode(code: number): PinPadCommand | undefined {
  return BY_CODE.get(code);
}
