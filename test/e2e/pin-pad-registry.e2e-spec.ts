import { ANSI_TEST_BDK, TestPinPad } from '@payments/testing';

import { OPERATOR_KEY, PlatformUnderTest, startEmbedded } from '../support/platform-under-test';
import { operatorCall, RegisterClient, TERMINAL_KEY } from '../support/register.client';

const PAN = '4242424242424242';
const DEMO0002_KEY = `${TERMINAL_KEY}-2`;

/**
 * The PIN pad registry enforced (the default everywhere but these tests' shared platform): card
 * data only from a registered, active pad of the register that sends it, each KSN once. The
 * embedded mode registers the demo register's pad DEMO-PP-0001 (the ANSI test key) at start.
 */
describe('PIN pad registry end to end (embedded mode)', () => {
  let platform: PlatformUnderTest;
  let register: RegisterClient;

  beforeAll(async () => {
    platform = await startEmbedded({ env: { AUTHORIZATION_PIN_PAD_REGISTRY: 'enforce' } });
    register = new RegisterClient(platform.gatewayUrl);
  }, 120_000);

  afterAll(() => platform?.stop(), 60_000);

  const buy = (card: unknown, options: { key?: string; idempotencyKey?: string } = {}) => register.purchase({ amount: 1250, currency: 'EUR', card }, options);
  const journaled = async (transactionId: unknown) =>
    (await operatorCall(`${platform.authorizationUrl}/v1/journal/transactions/${String(transactionId)}`)).body;
  const operatorPost = async (path: string, body: unknown) => {
    const response = await fetch(`${platform.authorizationUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OPERATOR_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('approves card data from the register’s own pad, and refuses the same KSN again (63) while a retry of the same request gets its outcome', async () => {
    const card = register.card(PAN);
    const first = await buy(card, { idempotencyKey: 'registry-e2e-1' });
    expect(first.body).toMatchObject({ status: 'approved', responseCode: '00' });

    const retried = await buy(card, { idempotencyKey: 'registry-e2e-1' });
    expect(retried.body).toMatchObject({ status: 'approved', transactionId: first.body.transactionId });

    const copied = await buy(card);
    expect(copied.body).toMatchObject({ status: 'declined', responseCode: '63' });
    expect(await journaled(copied.body.transactionId)).toMatchObject({
      status: 'declined',
      statusReason: expect.stringContaining('KSN replayed: PIN pad DEMO-PP-0001 already used counter'),
    });
    expect(copied.text).not.toContain(PAN);
    expect(platform.simulator.received.filter((m) => m.mti === '0200')).toHaveLength(1);
  });

  it('does not let a block that does not decrypt move the pad ahead, and does not ask again when a cashier prompt resumes', async () => {
    const taken = ((await operatorCall(`${platform.authorizationUrl}/v1/pin-pads/DEMO-PP-0001`)).body.lastCounter as number) + 0x100;
    const forged = { bdkId: 'ansi-test-bdk', ksn: `FFFF9876543210E${taken.toString(16).toUpperCase().padStart(5, '0')}`, ciphertext: '00'.repeat(24) };
    expect((await buy(forged)).body).toMatchObject({ status: 'declined', responseCode: '30' });
    expect((await buy(register.card(PAN))).body).toMatchObject({ status: 'approved' });

    // A swiped card waits for the cashier's last 4 digits; the lane reads another card meanwhile.
    const swiped = await register.purchase({ amount: 1250, currency: 'EUR', entryMode: 'magstripe', card: register.card(PAN) });
    expect(swiped.body).toMatchObject({ status: 'prompt' });
    expect((await buy(register.card(PAN))).body).toMatchObject({ status: 'approved' });
    const prompt = swiped.body.prompt as { promptId: string };
    const resumed = await register.post(`/v1/prompts/${prompt.promptId}/answer`, { value: PAN.slice(-4) }, { idempotencyKey: null });
    expect(resumed.body).toMatchObject({ status: 'approved' });
  });

  it('refuses the pad on another register, and a pad nobody registered (58)', async () => {
    const elsewhere = await buy(register.card(PAN), { key: DEMO0002_KEY });
    expect(elsewhere.body).toMatchObject({ status: 'declined', responseCode: '58' });
    expect(await journaled(elsewhere.body.transactionId)).toMatchObject({ statusReason: 'PIN pad DEMO-PP-0001 serves terminal DEMO0001, not DEMO0002' });

    const stranger = new TestPinPad({ bdkId: 'ansi-test-bdk', bdk: ANSI_TEST_BDK, initialKsn: 'FFFF9876543299E00000' });
    const unknown = await buy(stranger.readCard({ pan: PAN, expiry: '3012', serviceCode: '201' }));
    expect(unknown.body).toMatchObject({ status: 'declined', responseCode: '58' });
    expect(await journaled(unknown.body.transactionId)).toMatchObject({ statusReason: expect.stringContaining('PIN pad not registered') });
  });

  it('lets an operator register a pad for a register, block it with a reason and unblock it', async () => {
    const pad = new TestPinPad({ bdkId: 'ansi-test-bdk', bdk: ANSI_TEST_BDK, initialKsn: 'FFFF9876543212E00000' });
    const registered = await operatorPost('/v1/pin-pads', {
      serialNumber: 'PP-LANE-2',
      bdkId: 'ansi-test-bdk',
      initialKsn: 'FFFF9876543212E00000',
      terminalId: 'DEMO0002',
      shopId: 'SHOP-1',
    });
    expect(registered).toEqual({
      status: 201,
      body: expect.objectContaining({ serialNumber: 'PP-LANE-2', terminalId: 'DEMO0002', status: 'active', lastCounter: 0 }),
    });

    const read = () => pad.readCard({ pan: PAN, expiry: '3012', serviceCode: '201' });
    expect((await buy(read(), { key: DEMO0002_KEY })).body).toMatchObject({ status: 'approved' });

    expect((await operatorPost('/v1/pin-pads/PP-LANE-2/block', { reason: 'seal broken' })).body).toMatchObject({
      status: 'blocked',
      statusReason: 'seal broken',
    });
    const blocked = await buy(read(), { key: DEMO0002_KEY });
    expect(blocked.body).toMatchObject({ status: 'declined', responseCode: '58' });
    expect(await journaled(blocked.body.transactionId)).toMatchObject({ statusReason: 'PIN pad PP-LANE-2 is blocked: seal broken' });

    await operatorPost('/v1/pin-pads/PP-LANE-2/unblock', {});
    expect((await buy(read(), { key: DEMO0002_KEY })).body).toMatchObject({ status: 'approved' });
    // Counters 1 and 3 were taken; 2, read while blocked, was refused without being taken.
    expect((await operatorCall(`${platform.authorizationUrl}/v1/pin-pads/PP-LANE-2`)).body).toMatchObject({ lastCounter: 3, status: 'active' });
  });

  it('answers bad registrations by name, and the registry only on the operator port with the operator key', async () => {
    expect(
      await operatorPost('/v1/pin-pads', { serialNumber: 'PP-X', bdkId: 'ansi-test-bdk', initialKsn: 'FFFF9876543210E00000', terminalId: 'DEMO0003' }),
    ).toMatchObject({
      status: 409,
      body: { message: expect.stringContaining('PIN pad DEMO-PP-0001 is already loaded') },
    });
    expect(
      await operatorPost('/v1/pin-pads', { serialNumber: 'PP-X', bdkId: 'ansi-test-bdk', initialKsn: 'FFFF9876543213E00005', terminalId: 'DEMO0003' }),
    ).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('initialKsn: the KSN loaded with the initial key has counter 0, this one has 5') },
    });
    expect((await fetch(`${platform.authorizationUrl}/v1/pin-pads`)).status).toBe(401);
    expect((await fetch(`${platform.gatewayUrl}/v1/pin-pads`, { headers: { authorization: `Bearer ${OPERATOR_KEY}` } })).status).toBe(404);
  });
});
