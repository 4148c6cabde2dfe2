import {
  AesKeySerialNumber,
  ANSI_AES256_TEST_BDK,
  CardDataDecryptor,
  decryptPinBlockFormat0,
  decryptPinBlockFormat4,
  hexToBytes,
  InMemoryBdkStore,
  KeySerialNumber,
} from '@payments/crypto';

import { runCardEncrypt } from '../card/card-encrypt.command';
import { DEFAULT_BDK, DEFAULT_BDK_ID, DEFAULT_KSN } from '../card/card-encrypt.options';
import { deriveDukptKeys } from '../dukpt/dukpt-keys.util';
import { FakeCliIo } from '../testing/fake-cli-io.util';
import { PinpadEncryptOptions, runPinpadEncrypt } from './pinpad-encrypt.command';

const PAN = '4761739001010010';
const CARD: PinpadEncryptOptions = {
  pan: PAN,
  expiry: '2712',
  ksn: DEFAULT_KSN,
  serviceCode: '201',
  bdkId: DEFAULT_BDK_ID,
  bdk: DEFAULT_BDK,
  algorithm: 'tdes',
};
// What the server holds by default (CARD_BDKS): the card block must open with it.
const server = new CardDataDecryptor(InMemoryBdkStore.fromConfig(`${DEFAULT_BDK_ID}:${DEFAULT_BDK}`));

interface PinpadOutput {
  card: { bdkId: string; ksn: string; ciphertext: string };
  pin?: { pinBlock: string; format: number; ksn?: string };
}

async function run(change: Partial<PinpadEncryptOptions> = {}): Promise<{ code: number; io: FakeCliIo }> {
  const io = new FakeCliIo();
  const code = await runPinpadEncrypt({ ...CARD, ...change }, io);
  return { code, io };
}

function aesPinKey(bdk: string, ksn: string): Buffer {
  const transaction = { algorithm: bdk.length === 32 ? 'aes128' : 'aes256', bdk: hexToBytes(bdk, 'bdk'), ksn: AesKeySerialNumber.parse(ksn) } as const;
  return deriveDukptKeys(transaction).pinKey;
}

describe(runPinpadEncrypt.name, () => {
  it('without --pin prints as `card` exactly the block `card encrypt` makes, which the server decrypts', async () => {
    const cardIo = new FakeCliIo();
    await runCardEncrypt(CARD, cardIo);

    const { code, io } = await run();

    expect(code).toBe(0);
    expect(io.err).toBe('');
    expect(io.out).toBe(`{"card":${cardIo.out.trim()}}\n`);
    expect(server.decrypt((JSON.parse(io.out) as PinpadOutput).card)).toMatchObject({ pan: PAN, expiry: '2712' });
  });

  it('with --pin adds the published X9.24-1 format 0 PIN block under the PIN key of the same KSN', async () => {
    // ANSI X9.24-1:2009 Annex A: PIN 1234, PAN 4012345678909, KSN FFFF9876543210E00001.
    const { code, io } = await run({ pan: '4012345678909', pin: '1234' });

    expect(code).toBe(0);
    const output = JSON.parse(io.out) as PinpadOutput;
    // The shape of the gateway's body: `card` and `pin` paste as they are.
    expect(output).toEqual({ card: expect.any(Object), pin: { pinBlock: '1B9C1845EB993A7A', format: 0 } });
    expect(output.card.ksn).toBe('FFFF9876543210E00001');
    expect(server.decrypt(output.card).pan).toBe('4012345678909');
    const pinKey = deriveDukptKeys({ algorithm: 'tdes', bdk: hexToBytes(DEFAULT_BDK, 'bdk'), ksn: KeySerialNumber.parse(output.card.ksn) }).pinKey;
    expect(decryptPinBlockFormat0(pinKey, hexToBytes(output.pin?.pinBlock ?? '', 'pinBlock'), '4012345678909')).toBe('1234');
  });

  it('with --algorithm aes128 keeps the card block TDES and adds a format 4 PIN block under the X9.24-3 sample key', async () => {
    const { code, io } = await run({ pin: '24680', algorithm: 'aes128' });

    expect(code).toBe(0);
    const output = JSON.parse(io.out) as PinpadOutput;
    expect(Object.keys(output.pin ?? {})).toEqual(['pinBlock', 'format', 'ksn']);
    expect(output).toMatchObject({ card: { bdkId: DEFAULT_BDK_ID, ksn: DEFAULT_KSN }, pin: { format: 4, ksn: '123456789012345600000001' } });
    expect(output.pin?.pinBlock).toMatch(/^[0-9A-F]{32}$/);
    expect(server.decrypt(output.card).pan).toBe(PAN);
    // The X9.24-3 published PIN key of counter 1 opens it.
    const pinKey = hexToBytes('AF8CB133A78F8DC2D1359F18527593FB', 'pinKey');
    expect(decryptPinBlockFormat4(pinKey, hexToBytes(output.pin?.pinBlock ?? '', 'pinBlock'), PAN)).toBe('24680');
  });

  it('with --algorithm aes256 encrypts under the AES KSN and BDK given', async () => {
    const pinKsn = '1234567890123456000000FF';
    const { code, io } = await run({ pin: '123456789012', algorithm: 'aes256', pinKsn: pinKsn.toLowerCase(), pinBdk: ANSI_AES256_TEST_BDK });

    expect(code).toBe(0);
    const output = JSON.parse(io.out) as PinpadOutput;
    expect(output.pin?.ksn).toBe(pinKsn);
    expect(decryptPinBlockFormat4(aesPinKey(ANSI_AES256_TEST_BDK, pinKsn), hexToBytes(output.pin?.pinBlock ?? '', 'pinBlock'), PAN)).toBe('123456789012');
  });

  it.each<[string, Partial<PinpadEncryptOptions>, string]>([
    ['a 3-digit PIN', { pin: '739' }, 'error: --pin must be 4-12 digits'],
    ['letters in the PIN', { pin: '73a91' }, 'error: --pin must be 4-12 digits'],
    ['an unknown algorithm', { pin: '7391', algorithm: 'des' }, 'error: --algorithm must be tdes, aes128 or aes256'],
    ['an AES algorithm without a PIN', { algorithm: 'aes128' }, 'error: --algorithm aes128 is for the PIN block and needs --pin'],
    [
      'an AES PIN key with a TDES PIN block',
      { pin: '7391', pinKsn: '123456789012345600000001' },
      'error: --pin-bdk and --pin-ksn are for an AES PIN block (--algorithm aes128 or aes256); a TDES one uses --bdk and --ksn',
    ],
    [
      'a TDES KSN as the AES PIN KSN',
      { pin: '7391', algorithm: 'aes128', pinKsn: DEFAULT_KSN },
      'error: --pin-ksn must be 24 hex digits (8-byte initial key id, 4-byte counter)',
    ],
    [
      'AES counter 0',
      { pin: '7391', algorithm: 'aes128', pinKsn: '123456789012345600000000' },
      'error: --pin-ksn has a transaction counter no PIN pad uses (0, or more than 16 one-bits)',
    ],
    [
      'an AES-128 BDK for aes256',
      { pin: '7391', algorithm: 'aes256', pinBdk: 'FEDCBA9876543210F1F1F1F1F1F1F1F1' },
      'error: --pin-bdk must be 64 hex digits (an AES-256 key)',
    ],
    ['a mistyped PAN, before any PIN check', { pan: '4761739001010011', pin: '73' }, 'error: --pan fails the Luhn check (a mistyped digit?)'],
  ])('refuses %s with one error line, nothing on stdout, exit 1, never echoing the PIN or the PAN', async (_case, change, line) => {
    const { code, io } = await run(change);

    expect(code).toBe(1);
    expect(io.out).toBe('');
    expect(io.errLines()).toEqual([line]);
    expect(io.err).not.toContain(change.pan ?? PAN);
    if (change.pin) expect(io.err).not.toContain(change.pin);
  });
});
