import {
  AesDukptKeyUsage,
  AesKeySerialNumber,
  ANSI_AES128_TEST_BDK,
  ANSI_AES_TEST_INITIAL_KSN,
  ANSI_TEST_BDK,
  deriveAesInitialKey,
  deriveAesTransactionKey,
  deriveAesWorkingKey,
  encryptPinBlockFormat4,
  ANSI_TEST_INITIAL_KSN,
  decryptPinBlockFormat0,
  deriveIpek,
  deriveTransactionKey,
  encryptPinBlockFormat0,
  hexToBytes,
  InMemoryBdkStore,
  InMemoryZonePinKeyStore,
  KeySerialNumber,
  pinEncryptionKey,
  SoftwarePinTranslator,
  TEST_ZONE_PIN_KEY,
} from '@payments/crypto';
import type { Iso8583Message } from '@payments/iso8583';
import { Logger } from '@nestjs/common';

import type { AcquirerClient } from '../acquirer/acquirer.client';
import type { AcquirerNetwork } from '../acquirer/routing/acquirer-network.schema';
import type { RailRequest } from '../operation/ports/rail.port';
import { AcquirerRail } from './acquirer-rail.adapter';

const PAN = '4242424242424242';
const KSN = KeySerialNumber.parse(ANSI_TEST_INITIAL_KSN).withCounter(3);
const DUKPT_PIN_KEY = pinEncryptionKey(deriveTransactionKey(deriveIpek(hexToBytes(ANSI_TEST_BDK, 'bdk'), KSN), KSN));
const pinBlockOf = (pin: string): string => encryptPinBlockFormat0(DUKPT_PIN_KEY, pin, PAN).toString('hex').toUpperCase();
/** An AES DUKPT pad (X9.24-3 sample BDK and initial key id): format 4 blocks under its PIN key of counter 5. */
const AES_KSN = AesKeySerialNumber.parse(ANSI_AES_TEST_INITIAL_KSN).withCounter(5);
const AES_PIN_KEY = deriveAesWorkingKey(
  deriveAesTransactionKey(deriveAesInitialKey(hexToBytes(ANSI_AES128_TEST_BDK, 'bdk'), AES_KSN), AES_KSN),
  AES_KSN,
  AesDukptKeyUsage.pinEncryption,
);
const aesPin = (pin: string, overrides: { bdkId?: string; pinBlock?: string } = {}) => ({
  pinBlock: encryptPinBlockFormat4(AES_PIN_KEY, pin, PAN).toString('hex').toUpperCase(),
  format: 4 as const,
  ksn: AES_KSN.toHex(),
  bdkId: 'aes-bdk',
  ...overrides,
});

/** The acquirer client as the rail uses it to prepare: one route, references in sequence. */
const acquirer = {
  route: () => 'acme',
  nextReferenceFor: () => Promise.resolve({ stan: '000001', rrn: '634000000100' }),
} as unknown as AcquirerClient;
const translator = new SoftwarePinTranslator(
  InMemoryBdkStore.fromConfig(`ansi-test-bdk:${ANSI_TEST_BDK},aes-bdk:aes128:${ANSI_AES128_TEST_BDK}`),
  InMemoryZonePinKeyStore.fromConfig(`acme:${TEST_ZONE_PIN_KEY}`),
);
/** The acquirers' dialects: "acme" and "other" ISO 8583:1987, "iso93" ISO 8583:1993. */
const network = {
  acquirers: [
    { id: 'acme', spec: 'iso87ascii' },
    { id: 'other', spec: 'iso87binary' },
    { id: 'iso93', spec: 'iso93ascii' },
  ],
} as unknown as Pick<AcquirerNetwork, 'acquirers'>;
const sut = new AcquirerRail(acquirer, translator, network);

const purchase = (pin?: { pinBlock: string; bdkId?: string; format?: 0 | 4; ksn?: string }): RailRequest => ({
  kind: 'card',
  operation: 'purchase',
  card: {
    pan: PAN,
    track2: `${PAN}=30122011000000000000`,
    scheme: 'visa',
    pin: pin && { ksn: KSN.toHex(), bdkId: 'ansi-test-bdk', format: 0 as const, ...pin },
  },
  entryMode: 'magstripe',
  amountMinor: 1250n,
  currency: 'EUR',
  terminalId: 'TERM0001',
  merchantId: 'SHOP00000000001',
});

async function messageOf(request: RailRequest): Promise<Iso8583Message> {
  const prepared = await sut.prepare(request);
  if (!prepared.ok) throw new Error(`not prepared: ${prepared.reason}`);
  return (prepared.attempt.message as { request: Iso8583Message }).request;
}

describe('AcquirerRail with an online PIN', () => {
  it("sends the PIN in DE 52 under the acquirer's zone PIN key, DE 53 saying so, DE 22 PIN-capable", async () => {
    const message = await messageOf(purchase({ pinBlock: pinBlockOf('2468') }));

    expect(message.fields[53]).toBe('2001010100000000');
    expect(message.fields[22]).toBe('901');
    expect(message.fields[52]).not.toBe(pinBlockOf('2468'));
    expect(decryptPinBlockFormat0(hexToBytes(TEST_ZONE_PIN_KEY, 'zpk'), hexToBytes(message.fields[52], 'pinBlock'), PAN)).toBe('2468');
  });

  it('sends neither DE 52 nor DE 53 without a PIN', async () => {
    const message = await messageOf(purchase());
    expect(message.fields[52]).toBeUndefined();
    expect(message.fields[53]).toBeUndefined();
  });

  it('declines 81 without asking the host when the block does not translate; the reason names neither block nor PAN', async () => {
    const garbage = 'AAAAAAAAAAAAAAAA';
    const prepared = await sut.prepare(purchase({ pinBlock: garbage }));

    expect(prepared).toMatchObject({ ok: false, responseCode: '81' });
    const reason = prepared.ok ? '' : prepared.reason;
    expect(reason).toContain('pinBlock: does not decrypt');
    expect(reason).not.toContain(garbage);
    expect(reason).not.toContain(PAN);
  });

  it.each([
    ['the routed acquirer has no zone PIN key', 'other', 'ansi-test-bdk', 'zone: no zone PIN key for "other"'],
    ['the BDK id is unknown', 'acme', 'pad-9', 'bdkId: unknown BDK id "pad-9"'],
  ])('declines 96 (system malfunction, not 81) and logs an error naming the ids when %s', async (_case, routedTo, bdkId, cause) => {
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const rail = new AcquirerRail({ ...acquirer, route: () => routedTo } as unknown as AcquirerClient, translator, network);
    const prepared = await rail.prepare(purchase({ pinBlock: pinBlockOf('2468'), bdkId }));

    expect(prepared).toMatchObject({ ok: false, responseCode: '96' });
    const logged = errors.mock.calls.map((call) => String(call[0])).join('\n');
    expect(logged).toContain(`acquirer ${routedTo}`);
    expect(logged).toContain(cause);
    for (const secret of [pinBlockOf('2468'), PAN, TEST_ZONE_PIN_KEY, ANSI_TEST_BDK]) expect(logged).not.toContain(secret);
    errors.mockRestore();
  });

  it('declines 96 a PIN routed to an acquirer whose dialect has no DE 53 layout here (ISO 8583:1993), naming the dialect; without a PIN it goes', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const rail = new AcquirerRail({ ...acquirer, route: () => 'iso93' } as unknown as AcquirerClient, translator, network);

    const prepared = await rail.prepare(purchase({ pinBlock: pinBlockOf('2468') }));

    expect(prepared).toMatchObject({ ok: false, responseCode: '96', reason: expect.stringContaining('iso93ascii') });
    expect(errors.mock.calls.map((call) => String(call[0])).join('\n')).toContain('acquirer iso93 speaks ISO 8583 dialect iso93ascii');
    expect(await rail.prepare(purchase())).toMatchObject({ ok: true });
    errors.mockRestore();
  });

  describe('from an AES DUKPT PIN pad (ISO 9564 format 4)', () => {
    it("sends the PIN in DE 52 as format 0 under the acquirer's zone PIN key, DE 53 as for format 0", async () => {
      const pin = aesPin('2468');
      const message = await messageOf(purchase(pin));

      expect(message.fields[53]).toBe('2001010100000000');
      expect(message.fields[52]).toMatch(/^[0-9A-F]{16}$/);
      expect(decryptPinBlockFormat0(hexToBytes(TEST_ZONE_PIN_KEY, 'zpk'), hexToBytes(message.fields[52], 'pinBlock'), PAN)).toBe('2468');
    });

    it('declines 81 a block that does not translate, 96 an unknown BDK or an acquirer without a zone PIN key', async () => {
      const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      const garbage = 'A'.repeat(32);
      expect(await sut.prepare(purchase(aesPin('2468', { pinBlock: garbage })))).toMatchObject({ ok: false, responseCode: '81' });
      expect(await sut.prepare(purchase({ ...aesPin('2468'), ksn: KSN.toHex() }))).toMatchObject({ ok: false, responseCode: '81' });
      expect(await sut.prepare(purchase(aesPin('2468', { bdkId: 'pad-9' })))).toMatchObject({ ok: false, responseCode: '96' });
      const other = new AcquirerRail({ ...acquirer, route: () => 'other' } as unknown as AcquirerClient, translator, network);
      const sent = aesPin('2468');
      const prepared = await other.prepare(purchase(sent));
      expect(prepared).toMatchObject({ ok: false, responseCode: '96' });
      const told = `${prepared.ok ? '' : prepared.reason}\n${errors.mock.calls.map((call) => String(call[0])).join('\n')}`;
      for (const secret of [garbage, sent.pinBlock, PAN, ANSI_AES128_TEST_BDK]) expect(told).not.toContain(secret);
      errors.mockRestore();
    });
  });
});
