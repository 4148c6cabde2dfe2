import { status as GrpcStatus } from '@grpc/grpc-js';

import { TestAesPinPad } from '@payments/testing';

import { PlatformUnderTest, startEmbedded } from '../support/platform-under-test';
import { call, operatorCall, RegisterClient } from '../support/register.client';
import { TerminalGrpcClient } from '../support/terminal-grpc.client';

const PAN = '4761739001010010';
const RIGHT_PIN = '1234'; // the simulated issuer's PIN of every card
const WRONG_PIN = '9876';

/**
 * Online PIN end to end, in the embedded mode (the PIN path is the same code in both modes; the
 * distributed mode adds only the internal gRPC hop, whose message carries the block as the
 * contract says): the register sends the PIN pad's DUKPT PIN block, authorization translates it to
 * the acquirer's zone PIN key, and the simulated host (real TCP) verifies it.
 */
describe('online PIN end to end (embedded mode)', () => {
  let platform: PlatformUnderTest;
  let register: RegisterClient;
  let grpc: TerminalGrpcClient;
  const logLines: string[] = [];
  /** Every PIN block of this run, the pad's and every DE 52 the host received: none may be logged or journaled. */
  const pinBlocks: string[] = [];
  /** The AES pads' card blocks (ciphertext): no more logged than a PIN block. */
  const aesCardBlocks: string[] = [];
  /** AES DUKPT (X9.24-3) PIN pads keyed from the sample BDKs the development CARD_BDKS hold. */
  const aes128Pad = TestAesPinPad.withAnsiTestKey('aes128');
  const aes256Pad = TestAesPinPad.withAnsiTestKey('aes256');
  /** The translated blocks (DE 52) the host received since the last reset. */
  const collectSentBlocks = () => {
    for (const message of platform.simulator.received) if (message.fields[52]) pinBlocks.push(message.fields[52]);
  };

  beforeAll(async () => {
    // debug: the most the platform ever logs.
    platform = await startEmbedded({ env: { LOG_LEVEL: 'debug' }, onLogLine: (line) => logLines.push(line) });
    register = new RegisterClient(platform.gatewayUrl);
    grpc = new TerminalGrpcClient(platform.gatewayGrpcAddress);
  }, 120_000);

  afterAll(async () => {
    grpc?.close();
    await platform?.stop();
  }, 60_000);

  beforeEach(() => platform.simulator.reset());
  afterEach(() => collectSentBlocks());

  /** A card read and the PIN the cardholder keys, as the REST body's `card` and `pin`. */
  const cardWithPin = (pin: string) => {
    const card = register.card(PAN);
    const entered = register.pinPad.enterPin(pin, PAN);
    pinBlocks.push(entered.pinBlock);
    return { card, pin: entered };
  };
  const purchase = (amount: number, pin: string) => register.purchase({ amount, currency: 'EUR', ...cardWithPin(pin) });
  /** The same from an AES pad: an AES card block (24-hex-digit KSN) and a format 4 PIN block under its KSN. */
  const aesCardWithPin = (pad: TestAesPinPad, pin: string) => {
    const card = pad.readCard({ pan: PAN, expiry: '3012', serviceCode: '201' });
    const entered = pad.enterPin(pin, PAN);
    aesCardBlocks.push(card.ciphertext);
    pinBlocks.push(entered.pinBlock);
    return { card, pin: entered };
  };
  const journal = (id: string) => operatorCall(`${platform.authorizationUrl}/v1/journal/transactions/${id}`);
  const hostRequests = () => platform.simulator.received.filter((m) => m.mti === '0200');

  it('approves the right PIN: DE 52 under the zone PIN key (not the pad block), DE 53, nothing of it journaled', async () => {
    const { card, pin } = cardWithPin(RIGHT_PIN);
    const result = await register.purchase({ amount: 1500, currency: 'EUR', card, pin });

    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ status: 'approved', responseCode: '00', amount: 1500 });
    const [sent] = hostRequests();
    expect(sent.fields[52]).toMatch(/^[0-9A-F]{16}$/);
    expect(sent.fields[52]).not.toBe(pin.pinBlock);
    expect(sent.fields[53]).toBe('2001010100000000');

    const journaled = await journal(result.body.transactionId as string);
    expect(journaled.body).toMatchObject({ status: 'approved' });
    for (const block of [pin.pinBlock, sent.fields[52]]) expect(journaled.text.toUpperCase()).not.toContain(block);
  });

  it('declines a wrong PIN with 55 (nothing charged: journaled declined, no approval, never approved on the way); the right PIN afterwards is approved', async () => {
    const wrong = await purchase(2500, WRONG_PIN);
    expect(wrong.body).toMatchObject({ status: 'declined', responseCode: '55', responseText: 'Incorrect PIN' });
    expect(wrong.body.approvalCode).toBeUndefined();
    const journaled = (await journal(wrong.body.transactionId as string)).body;
    expect(journaled).toMatchObject({ status: 'declined', responseCode: '55' });
    expect(journaled.approvalCode ?? null).toBeNull();
    expect((journaled.history as { status: string }[]).map((h) => h.status)).toEqual(['pending', 'declined']);

    const right = await purchase(2500, RIGHT_PIN);
    expect(right.body).toMatchObject({ status: 'approved', responseCode: '00' });
  });

  it('answers 75 after three wrong PINs for the card, and the register shows why', async () => {
    for (let i = 0; i < 3; i++) expect((await purchase(100, WRONG_PIN)).body).toMatchObject({ responseCode: '55' });
    expect((await purchase(100, RIGHT_PIN)).body).toMatchObject({ status: 'declined', responseCode: '75', responseText: 'Allowable PIN tries exceeded' });
  });

  it('refuses a PIN on a top-up (400 naming pin) and a malformed block (400 naming pin.pinBlock), asking no host', async () => {
    const topUp = await register.post('/v1/top-ups', { amount: 1000, currency: 'EUR', ...cardWithPin(RIGHT_PIN) });
    expect(topUp.status).toBe(400);
    expect(JSON.stringify(topUp.body)).toContain('pin: a top_up takes no PIN');

    const malformed = await register.purchase({ amount: 1000, currency: 'EUR', card: register.card(PAN), pin: { pinBlock: '12345', format: 0 } });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('pin.pinBlock');
    expect(platform.simulator.received.filter((m) => m.mti !== '0800')).toHaveLength(0);
  });

  it("refuses a pin.ksn of another PIN pad than the card block's (422 naming pin.ksn), asking no host", async () => {
    const { card, pin } = cardWithPin(RIGHT_PIN);
    const refused = await register.purchase({ amount: 1000, currency: 'EUR', card, pin: { ...pin, ksn: 'FFFF0000000001E00001' } });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ status: 'rejected' });
    expect(JSON.stringify(refused.body)).toContain('pin.ksn');
    expect(hostRequests()).toHaveLength(0);
  });

  it('takes the PIN on gRPC Purchase as on REST: 55 for a wrong one, approved for the right one', async () => {
    const pay = (pin: string) => {
      const { card, pin: entered } = cardWithPin(pin);
      return grpc.purchase({ amount: { amountMinor: '700', currency: 'EUR' }, card, pin: entered });
    };
    const wrong = await pay(WRONG_PIN);
    expect(wrong.error).toBeNull();
    expect(wrong.response?.transaction).toMatchObject({ status: 'TRANSACTION_STATUS_DECLINED', responseCode: '55' });
    expect((await pay(RIGHT_PIN)).response?.transaction).toMatchObject({ status: 'TRANSACTION_STATUS_APPROVED', responseCode: '00' });

    const bad = await grpc.purchase({ amount: { amountMinor: '700', currency: 'EUR' }, card: register.card(PAN), pin: { pinBlock: 'XYZ', format: 0 } });
    expect(bad.error).toMatchObject({ code: GrpcStatus.INVALID_ARGUMENT, details: expect.stringContaining('pin.pinBlock') });
  });

  it('documents the pin of a purchase in the OpenAPI document', async () => {
    type Schema = { properties?: Record<string, { $ref?: string; allOf?: { $ref: string }[] }>; required?: string[] };
    const doc = (await call<{ components: { schemas: Record<string, Schema> } }>(`${platform.gatewayUrl}/docs-json`)).body;
    expect(JSON.stringify(doc.components.schemas.CreatePurchaseDto?.properties?.pin)).toContain('EncryptedPinDto');
    expect(doc.components.schemas.EncryptedPinDto).toMatchObject({ properties: { pinBlock: {}, format: {}, ksn: {} }, required: ['pinBlock', 'format'] });
  });

  describe('from an AES DUKPT PIN pad (X9.24-3 card block, ISO 9564 format 4 PIN block)', () => {
    it('approves PIN 1234 from an AES-128 pad: the host gets format 0 under its zone PIN key in DE 52, nothing of it journaled', async () => {
      const { card, pin } = aesCardWithPin(aes128Pad, RIGHT_PIN);
      expect(card.ksn).toMatch(/^[0-9A-F]{24}$/);
      expect(pin.pinBlock).toMatch(/^[0-9A-F]{32}$/);
      const result = await register.purchase({ amount: 1600, currency: 'EUR', card, pin });

      expect(result.status).toBe(201);
      expect(result.body).toMatchObject({ status: 'approved', responseCode: '00', amount: 1600 });
      const [sent] = hostRequests();
      expect(sent.fields[52]).toMatch(/^[0-9A-F]{16}$/);
      expect(sent.fields[53]).toBe('2001010100000000');
      const journaled = await journal(result.body.transactionId as string);
      expect(journaled.body).toMatchObject({ status: 'approved' });
      for (const block of [pin.pinBlock, sent.fields[52], card.ciphertext]) expect(journaled.text.toUpperCase()).not.toContain(block);
    });

    it('declines a wrong PIN from an AES-256 pad with 55 (nothing charged) and approves the right one, on REST and gRPC', async () => {
      const wrong = await register.purchase({ amount: 2600, currency: 'EUR', ...aesCardWithPin(aes256Pad, WRONG_PIN) });
      expect(wrong.body).toMatchObject({ status: 'declined', responseCode: '55', responseText: 'Incorrect PIN' });
      expect(wrong.body.approvalCode).toBeUndefined();
      expect((await journal(wrong.body.transactionId as string)).body).toMatchObject({ status: 'declined', responseCode: '55' });

      const right = await register.purchase({ amount: 2600, currency: 'EUR', ...aesCardWithPin(aes256Pad, RIGHT_PIN) });
      expect(right.body).toMatchObject({ status: 'approved', responseCode: '00' });

      const pay = (pin: string) => grpc.purchase({ amount: { amountMinor: '800', currency: 'EUR' }, ...aesCardWithPin(aes128Pad, pin) });
      expect((await pay(WRONG_PIN)).response?.transaction).toMatchObject({ status: 'TRANSACTION_STATUS_DECLINED', responseCode: '55' });
      expect((await pay(RIGHT_PIN)).response?.transaction).toMatchObject({ status: 'TRANSACTION_STATUS_APPROVED', responseCode: '00' });
    });

    it('refuses format 0 with an AES card block and format 4 with a TDES one (400 naming pin.format), asking no host', async () => {
      const aes = aesCardWithPin(aes128Pad, RIGHT_PIN);
      const tdes = cardWithPin(RIGHT_PIN);
      const format0UnderAes = await register.purchase({ amount: 1000, currency: 'EUR', card: aes.card, pin: tdes.pin });
      expect(format0UnderAes.status).toBe(400);
      expect(JSON.stringify(format0UnderAes.body)).toContain('pin.format: 0');
      const format4UnderTdes = await register.purchase({ amount: 1000, currency: 'EUR', card: tdes.card, pin: aes.pin });
      expect(format4UnderTdes.status).toBe(400);
      expect(JSON.stringify(format4UnderTdes.body)).toContain('pin.format: 4');
      const grpcRefused = await grpc.purchase({ amount: { amountMinor: '1000', currency: 'EUR' }, card: tdes.card, pin: aes.pin });
      expect(grpcRefused.error).toMatchObject({ code: GrpcStatus.INVALID_ARGUMENT, details: expect.stringContaining('pin.format') });
      expect(platform.simulator.received.filter((m) => m.mti !== '0800')).toHaveLength(0);
    });

    it('declines 30 a TDES KSN under an AES BDK, the journal naming the KSN and the BDK, asking no host', async () => {
      const tdesCard = register.card(PAN);
      const result = await register.purchase({ amount: 1000, currency: 'EUR', card: { ...tdesCard, bdkId: aes128Pad.bdkId } });
      expect(result.body).toMatchObject({ status: 'declined', responseCode: '30' });
      const journaled = await journal(result.body.transactionId as string);
      expect(journaled.text).toContain(`a TDES DUKPT KSN (20 hex digits) under BDK \\"${aes128Pad.bdkId}\\", an AES-128 BDK`);
      expect(hostRequests()).toHaveLength(0);
    });
  });

  it("logs no PIN block (the pads' TDES and AES ones, a translated DE 52), no AES card block and no PAN, on REST and gRPC, though it logs at debug level", async () => {
    // Its own PINs (whatever else ran): a right and a wrong one on REST, a right one on gRPC.
    const ownBlocks = pinBlocks.length;
    expect((await purchase(1100, RIGHT_PIN)).body).toMatchObject({ status: 'approved' });
    expect((await purchase(1100, WRONG_PIN)).body).toMatchObject({ responseCode: '55' });
    const { card, pin } = cardWithPin(RIGHT_PIN);
    expect((await grpc.purchase({ amount: { amountMinor: '1100', currency: 'EUR' }, card, pin })).response?.transaction).toMatchObject({ responseCode: '00' });
    collectSentBlocks();
    expect(pinBlocks.length - ownBlocks).toBe(6);

    expect(logLines.length).toBeGreaterThan(0);
    const logged = logLines.join('').toUpperCase();
    for (const block of pinBlocks) expect(logged).not.toContain(block.toUpperCase());
    // The AES tests above ran first (6 format 4 blocks, 4 AES card blocks at least): their blocks are checked too.
    expect(aesCardBlocks.length).toBeGreaterThanOrEqual(4);
    for (const block of aesCardBlocks) expect(logged).not.toContain(block.toUpperCase());
    expect(logged).not.toContain(PAN);
  });
});
