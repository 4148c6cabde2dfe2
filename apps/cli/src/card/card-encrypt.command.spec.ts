import { ANSI_AES128_TEST_BDK, ANSI_AES256_TEST_BDK, CardDataDecryptor, InMemoryBdkStore } from '@payments/crypto';

import { FakeCliIo } from '../testing/fake-cli-io.util';
import { type CardEncryptCommandOptions, runCardEncrypt } from './card-encrypt.command';
import { CardEncryptOptions, DEFAULT_BDK, DEFAULT_BDK_ID, DEFAULT_KSN } from './card-encrypt.options';

const PAN = '4761739001010010';
const DEFAULTS: CardEncryptOptions = { pan: PAN, expiry: '2712', ksn: DEFAULT_KSN, serviceCode: '201', bdkId: DEFAULT_BDK_ID, bdk: DEFAULT_BDK };
// What the server holds by default (CARD_BDKS): the card block must open with it.
const server = new CardDataDecryptor(InMemoryBdkStore.fromConfig(`${DEFAULT_BDK_ID}:${DEFAULT_BDK}`));

describe(runCardEncrypt.name, () => {
  const sut = runCardEncrypt;

  async function encrypt(change: Partial<CardEncryptCommandOptions> = {}): Promise<{ code: number; io: FakeCliIo }> {
    const io = new FakeCliIo();
    const code = await sut({ ...DEFAULTS, ...change }, io);
    return { code, io };
  }

  it('prints the card object of the API as one JSON line, which the server decrypts to the card', async () => {
    const { code, io } = await encrypt();

    expect(code).toBe(0);
    expect(io.err).toBe('');
    expect(io.out).toMatch(/^\{"bdkId":"ansi-test-bdk","ksn":"FFFF9876543210E00001","ciphertext":"([0-9A-F]{16})+"\}\n$/);
    expect(io.out).not.toContain(PAN);
    const card = JSON.parse(io.out) as { bdkId: string; ksn: string; ciphertext: string };
    expect(server.decrypt(card)).toMatchObject({ pan: PAN, expiry: '2712', serviceCode: '201' });
  });

  it('encrypts under the KSN given, in any case, so each read of a PIN pad differs', async () => {
    const first = JSON.parse((await encrypt()).io.out) as { ksn: string; ciphertext: string };
    const second = JSON.parse((await encrypt({ ksn: 'ffff9876543210e00002' })).io.out) as { bdkId: string; ksn: string; ciphertext: string };

    expect(second.ksn).toBe('FFFF9876543210E00002');
    expect(second.ciphertext).not.toBe(first.ciphertext);
    expect(server.decrypt(second).pan).toBe(PAN);
  });

  it.each<[string, Partial<CardEncryptOptions>, string]>([
    ['letters in the PAN', { pan: '4761A39001010010' }, 'error: --pan must be digits only'],
    ['a short PAN', { pan: '47617390' }, 'error: --pan must have 12-19 digits, has 8'],
    ['a mistyped PAN', { pan: '4761739001010011' }, 'error: --pan fails the Luhn check (a mistyped digit?)'],
    ['month 13', { expiry: '2713' }, 'error: --expiry must be YYMM, month 01-12 (2712 = December 2027)'],
    ['a date as MMYY with slash', { expiry: '12/27' }, 'error: --expiry must be YYMM, month 01-12 (2712 = December 2027)'],
    ['a short KSN', { ksn: 'FFFF98765432' }, 'error: --ksn must be 20 hex digits'],
    ['the injected KSN itself', { ksn: 'FFFF9876543210E00000' }, 'error: --ksn has a transaction counter no PIN pad uses (0, or more than ten one-bits)'],
    [
      'a KSN counter with eleven one-bits',
      { ksn: 'FFFF9876543210E007FF' },
      'error: --ksn has a transaction counter no PIN pad uses (0, or more than ten one-bits)',
    ],
    ['a two-digit service code', { serviceCode: '20' }, 'error: --service-code must be three digits (201: chip, international)'],
    ['a single-length BDK', { bdk: '0123456789ABCDEF' }, 'error: --bdk must be 32 hex digits (a double-length TDES key)'],
  ])('refuses %s with one error line, nothing on stdout, exit 1, never echoing the PAN', async (_case, change, line) => {
    const { code, io } = await encrypt(change);

    expect(code).toBe(1);
    expect(io.out).toBe('');
    expect(io.errLines()).toEqual([line]);
    expect(io.err).not.toContain(change.pan ?? PAN);
  });

  describe('--algorithm aes128 | aes256 (AES DUKPT, X9.24-3)', () => {
    // What the server holds by default for AES pads: the X9.24-3 sample BDKs.
    const aesServer = new CardDataDecryptor(
      InMemoryBdkStore.fromConfig(`ansi-aes128-test-bdk:aes128:${ANSI_AES128_TEST_BDK},ansi-aes256-test-bdk:aes256:${ANSI_AES256_TEST_BDK}`),
    );
    const aes = (change: Partial<CardEncryptCommandOptions>) => encrypt({ ksn: undefined, bdkId: undefined, bdk: undefined, ...change });

    it('prints an AES card block under the sample BDK and the first sample KSN by default, which the server decrypts', async () => {
      const { code, io } = await aes({ algorithm: 'aes128' });
      expect(code).toBe(0);
      expect(io.out).toMatch(/^\{"bdkId":"ansi-aes128-test-bdk","ksn":"123456789012345600000001","ciphertext":"([0-9A-F]{32})+"\}\n$/);
      expect(aesServer.decrypt(JSON.parse(io.out) as { bdkId: string; ksn: string; ciphertext: string })).toMatchObject({ pan: PAN, expiry: '2712' });
    });

    it('encrypts under the AES-256 BDK and the KSN given', async () => {
      const { io } = await aes({ algorithm: 'aes256', ksn: '1234567890123456000000a0', bdk: ANSI_AES256_TEST_BDK.toLowerCase() });
      const card = JSON.parse(io.out) as { bdkId: string; ksn: string; ciphertext: string };
      expect(card).toMatchObject({ bdkId: 'ansi-aes256-test-bdk', ksn: '1234567890123456000000A0' });
      expect(aesServer.decrypt(card).pan).toBe(PAN);
    });

    it.each<[string, Partial<CardEncryptCommandOptions>, string]>([
      ['a TDES KSN', { algorithm: 'aes128', ksn: DEFAULT_KSN }, 'error: --ksn must be 24 hex digits (8-byte initial key id, 4-byte counter)'],
      ['an AES-128 BDK for aes256', { algorithm: 'aes256', bdk: ANSI_AES128_TEST_BDK }, 'error: --bdk must be 64 hex digits (an AES-256 key)'],
      ['an unknown algorithm', { algorithm: 'aes192' }, 'error: --algorithm must be tdes, aes128 or aes256'],
    ])('refuses %s with one error line naming the option, never a key', async (_case, change, line) => {
      const { code, io } = await aes(change);
      expect(code).toBe(1);
      expect(io.errLines()).toEqual([line]);
      expect(io.err).not.toContain(ANSI_AES128_TEST_BDK);
    });
  });
});
