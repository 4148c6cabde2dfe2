import { Frame } from './frame.model';
import { ANSWER_BIT, COMMAND_LAYOUTS, commandOfCode, ERROR_ANSWER_CODE } from './pinpad-message.catalogue';
import { PayloadReader, PayloadWriter } from './payload-field.codec';
import { PinPadFrameError } from './pinpad-frame.error';
import { PINPAD_ERROR_CODES, PinPadAnswer, PinPadCommand, PinPadErrorAnswer, PinPadErrorCode, PinPadRequest } from './pinpad-message.model';

/** A message as it goes into a frame: code and DATA (the link adds the sequence number). */
export interface EncodedMessage {
  readonly code: number;
  readonly payload: Buffer;
}

/** The table's entries seen without their command's types: the dispatch below picks the right one. */
interface LooseLayout {
  readonly code: number;
  writeRequest(request: object, w: PayloadWriter): void;
  readRequest(r: PayloadReader): object;
  writeAnswer(answer: object, w: PayloadWriter): void;
  readAnswer(r: PayloadReader): object;
}

function layoutOf(command: PinPadCommand): LooseLayout {
  return COMMAND_LAYOUTS[command];
}

export function encodeRequest(request: PinPadRequest): EncodedMessage {
  const layout = layoutOf(request.command);
  const w = new PayloadWriter();
  layout.writeRequest(request, w);
  return { code: layout.code, payload: w.toBuffer() };
}

export function encodeAnswer(answer: PinPadAnswer | PinPadErrorAnswer): EncodedMessage {
  if (answer.command === 'error') {
    const error = answer.error === 'unknown' ? 0 : PINPAD_ERROR_CODES[answer.error];
    return { code: ERROR_ANSWER_CODE, payload: new PayloadWriter().u8(answer.failedCode).u8(error).toBuffer() };
  }
  const layout = layoutOf(answer.command);
  const w = new PayloadWriter();
  layout.writeAnswer(answer, w);
  return { code: layout.code | ANSWER_BIT, payload: w.toBuffer() };
}

/** A command frame as the PIN pad reads it; an unknown code is `unknown-command`, a bad layout `malformed-payload`. */
export function decodeRequest(frame: Frame): PinPadRequest {
  const command = commandOfCode(frame.code);
  if (!command) throw new PinPadFrameError('unknown-command', `no command has code 0x${hex(frame.code)}`, frame.seq);
  return { command, ...readAll(frame, command, (layout, r) => layout.readRequest(r)) } as PinPadRequest;
}

/** An answer frame as the bridge reads it: a command's answer or the error answer. */
export function decodeAnswer(frame: Frame): PinPadAnswer | PinPadErrorAnswer {
  if (frame.code === ERROR_ANSWER_CODE) {
    const r = new PayloadReader(frame.payload, 'error answer');
    const failedCode = r.u8('failed command');
    const byte = r.u8('error code');
    r.end();
    const error = (Object.keys(PINPAD_ERROR_CODES) as PinPadErrorCode[]).find((code) => PINPAD_ERROR_CODES[code] === byte) ?? 'unknown';
    return { command: 'error', failedCode, error };
  }
  const command = (frame.code & ANSWER_BIT) !== 0 ? commandOfCode(frame.code & ~ANSWER_BIT) : undefined;
  if (!command) throw new PinPadFrameError('unknown-command', `no answer has code 0x${hex(frame.code)}`, frame.seq);
  return { command, ...readAll(frame, command, (layout, r) => layout.readAnswer(r)) } as PinPadAnswer;
}

function readAll(frame: Frame, command: PinPadCommand, read: (layout: LooseLayout, r: PayloadReader) => object): object {
  const r = new PayloadReader(frame.payload, command);
  try {
    const fields = read(layoutOf(command), r);
    r.end();
    return fields;
  } catch (error) {
    if (error instanceof RangeError) throw new PinPadFrameError('malformed-payload', `${command}: ${error.message}`, frame.seq);
    throw error;
  }
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}
