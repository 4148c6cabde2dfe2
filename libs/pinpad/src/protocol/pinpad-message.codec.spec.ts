import { decodeAnswer, decodeRequest, encodeAnswer, encodeRequest } from './pinpad-message.codec';
import { PinPadAnswer, PinPadRequest } from './pinpad-message.model';

const REQUESTS: PinPadRequest[] = [
  { command: 'status' },
  { command: 'device-info' },
  { command: 'display', lines: ['TOTAL 15.00 EUR', 'INSERT CARD'] },
  { command: 'beep', count: 2, durationMs: 150 },
  { command: 'read-digits', prompt: 'LOYALTY NO', minDigits: 4, maxDigits: 10, timeoutMs: 30_000 },
  { command: 'confirm-amount', prompt: 'PAY?', amountMinor: 1500n, currency: 'EUR', timeoutMs: 30_000 },
  { command: 'pin-entry', prompt: 'ENTER PIN', minDigits: 4, maxDigits: 12, timeoutMs: 60_000 },
  { command: 'read-card', prompt: 'CARD PLEASE', entryModes: ['magstripe', 'contactless'], timeoutMs: 60_000 },
  { command: 'cancel' },
];

const ANSWERS: PinPadAnswer[] = [
  { command: 'status', state: 'busy' },
  { command: 'device-info', serialNumber: 'PP-1', model: 'SIM', firmware: '1.0', bdkId: 'b1', ksn: 'FFFF9876543210E00001' },
  { command: 'display' },
  { command: 'read-digits', digits: '0042' },
  { command: 'confirm-amount', confirmed: false },
  { command: 'pin-entry', pinBlock: '0C1D2E3F4A5B6C7D', ksn: 'FFFF9876543210E00002' },
  { command: 'read-card', entryMode: 'magstripe', card: { bdkId: 'b1', ksn: 'FFFF9876543210E00003', ciphertext: '00112233445566778899AABBCCDDEEFF' } },
  {
    command: 'read-card',
    entryMode: 'chip',
    card: { bdkId: 'b1', ksn: 'FFFF9876543210E00004', ciphertext: '0011223344556677' },
    iccData: '9F02060000000015008202' + '1980',
  },
];

describe('pinpad message codec', () => {
  it.each(REQUESTS.map((r) => [r.command, r] as const))('carries %s requests field for field', (_, request) => {
    expect(decodeRequest({ seq: 1, ...encodeRequest(request) })).toEqual(request);
  });

  it.each(ANSWERS.map((a, i) => [`${a.command}#${i}`, a] as const))('carries %s answers field for field', (_, answer) => {
    const encoded = encodeAnswer(answer);
    expect(encoded.code & 0x80).toBe(0x80);
    expect(decodeAnswer({ seq: 1, ...encoded })).toEqual(answer);
  });

  it('carries the error answer with the command it answers', () => {
    const encoded = encodeAnswer({ command: 'error', failedCode: 0x30, error: 'cancelled-by-cardholder' });
    expect(encoded).toEqual({ code: 0xff, payload: Buffer.from([0x30, 0x02]) });
    expect(decodeAnswer({ seq: 3, ...encoded })).toEqual({ command: 'error', failedCode: 0x30, error: 'cancelled-by-cardholder' });
  });

  it('names an unknown command code and an unknown answer code', () => {
    expect(() => decodeRequest({ seq: 4, code: 0x7a, payload: Buffer.alloc(0) })).toThrow('unknown-command: no command has code 0x7A');
    expect(() => decodeAnswer({ seq: 4, code: 0x10, payload: Buffer.alloc(0) })).toThrow('unknown-command: no answer has code 0x10');
  });

  it('names a payload that runs short or leaves bytes over', () => {
    const display = encodeRequest({ command: 'display', lines: ['HELLO'] });
    expect(() => decodeRequest({ seq: 1, code: display.code, payload: display.payload.subarray(0, 4) })).toThrow(
      'malformed-payload: display: lines[0] needs 5 bytes, 2 remain',
    );
    expect(() => decodeRequest({ seq: 1, code: 0x01, payload: Buffer.from([0]) })).toThrow('malformed-payload: status: 1 bytes after the last field');
    const card = encodeAnswer(ANSWERS[6]);
    card.payload[0] = 0x03;
    expect(() => decodeAnswer({ seq: 1, ...card })).toThrow('malformed-payload: read-card: entry mode 0x3 is not one of magstripe, chip, contactless');
  });

  it('refuses text a PIN pad cannot show and more lines than it has', () => {
    expect(() => encodeRequest({ command: 'display', lines: ['caf\u00e9'] })).toThrow('lines[0] must be at most 255 printable ASCII characters');
    expect(() => encodeRequest({ command: 'display', lines: ['1', '2', '3', '4', '5'] })).toThrow('display takes at most 4 lines');
  });
});
