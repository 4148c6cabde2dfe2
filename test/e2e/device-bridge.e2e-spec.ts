import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ANSI_TEST_BDK, hexToBytes, KeySerialNumber } from '@payments/crypto';
import { RunningDeviceBridge, startDeviceBridge } from '@payments/device-bridge-app';
import {
  EntryMode,
  format0PinEncryptor,
  listenPinPadOverTcp,
  ListeningPinPad,
  openPtyPair,
  PinPadSimulator,
  PtyPair,
  RepeatingCardholder,
  servePinPadOverSerial,
  ServingPinPad,
  SimulatedFaults,
  simulatedKeysOf,
} from '@payments/pinpad';

import { freePort } from '@payments/testing';

import { startBridgeProcess } from '../support/device-bridge.process';
import { PlatformUnderTest, startEmbedded, TEST_SERVICE_ENV } from '../support/platform-under-test';
import { call, eventually, HttpResult, operatorCall, RegisterClient } from '../support/register.client';

const PAN = '4761739001010010'; // public test card; the simulated issuer's PIN of every card is 1234
const BDK_ID = 'ansi-test-bdk';

/** A simulated PIN pad presenting PAN, its cardholder typing 1234; the PIN blocks it made, to look for where they must not be. */
function simulatedPad(options: { ksn: string; entryMode: EntryMode; faults?: SimulatedFaults; digits?: string }) {
  const keys = simulatedKeysOf(BDK_ID, hexToBytes(ANSI_TEST_BDK, 'bdk'), KeySerialNumber.parse(options.ksn));
  const encrypt = format0PinEncryptor(keys.ipek);
  const pinBlocks: string[] = [];
  const simulator = new PinPadSimulator({
    serialNumber: `SIM-${options.ksn.slice(-8)}`,
    keys,
    card: { entryMode: options.entryMode, track2: { pan: PAN, expiry: '2712', serviceCode: '201' } },
    cardholder: new RepeatingCardholder({ pin: '1234', digits: options.digits ?? '' }),
    encryptPin: (pin, pan, ksn) => {
      const block = encrypt(pin, pan, ksn);
      pinBlocks.push(Buffer.from(block).toString('hex').toUpperCase());
      return block;
    },
    faults: options.faults,
  });
  return { simulator, pinBlocks };
}

const terminalKey = (n: number) => (n === 1 ? TEST_SERVICE_ENV.GATEWAY_DEMO_TERMINAL_KEY : `${TEST_SERVICE_ENV.GATEWAY_DEMO_TERMINAL_KEY}-${n}`);
const laneOf = (lane: string, n: number, pinpad: string, pin?: string, prompts?: string) => ({
  lane,
  terminalId: `DEMO${String(n).padStart(4, '0')}`,
  terminalKeySha256: createHash('sha256').update(terminalKey(n)).digest('hex'),
  pinpad,
  ...(pin ? { pin } : {}),
  ...(prompts ? { prompts } : {}),
});

/** A register that knows nothing of PIN pads: the gateway's REST API, sent to whichever base URL. */
function post(baseUrl: string, n: number, path: string, body: unknown, idempotencyKey: string | null = `bridge-${randomUUID()}`): Promise<HttpResult> {
  const headers: Record<string, string> = { authorization: `Bearer ${terminalKey(n)}`, 'content-type': 'application/json' };
  if (idempotencyKey !== null) headers['idempotency-key'] = idempotencyKey;
  return call(`${baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

/**
 * Registers pay through the device bridge, which drives simulated PIN pads over TCP and over a
 * socat pty, in the embedded mode (one platform for the file). Terminals: DEMO0002 (TCP, chip, PIN
 * because chip), DEMO0003 (pty, magstripe, PIN always), DEMO0001 (magstripe, cashier prompts on
 * the pad), DEMO0010 (magstripe, cashier prompts to the register), DEMO0004 (a pad that goes silent), DEMO0006 (garbage), DEMO0009 (unplugged), DEMO0008
 * (primary gateway down), DEMO0005 (the bridge killed and restarted, its own process).
 */
describe('device bridge: registers pay through it with a simulated PIN pad (embedded mode)', () => {
  let platform: PlatformUnderTest;
  let bridge: RunningDeviceBridge;
  const bridgeLog: string[] = [];
  const tcpPad = simulatedPad({ ksn: 'FFFF9876543211E00000', entryMode: 'chip' });
  const ptyPad = simulatedPad({ ksn: 'FFFF9876543212E00000', entryMode: 'magstripe' });
  const silentPad = simulatedPad({ ksn: 'FFFF9876543213E00000', entryMode: 'chip', faults: { silentAfterFrames: 2 } });
  const garbagePad = simulatedPad({ ksn: 'FFFF9876543214E00000', entryMode: 'chip', faults: { garbageAfterFrames: 2 } });
  // Swiped without a PIN: the server asks the cashier for the card's last 4 digits, keyed on this pad.
  const promptPad = simulatedPad({ ksn: 'FFFF9876543217E00000', entryMode: 'magstripe', digits: PAN.slice(-4) });
  const swipePad = simulatedPad({ ksn: 'FFFF9876543218E00000', entryMode: 'magstripe' });
  const listening: ListeningPinPad[] = [];
  let pty: PtyPair;
  let serial: ServingPinPad;
  let unplugged: number;

  const hostRequests = (terminalId: string, mti = '0200') => platform.simulator.received.filter((m) => m.mti === mti && m.fields[41] === terminalId);
  const journalOf = async (terminalId: string) =>
    (
      await operatorCall<{ items: { status: string; transactionId: string }[] }>(
        `${platform.authorizationUrl}/v1/journal/transactions?terminalId=${terminalId}`,
      )
    ).body.items;

  beforeAll(async () => {
    platform = await startEmbedded({ env: { GATEWAY_DEMO_TERMINAL_COUNT: '10' } });
    for (const pad of [tcpPad, silentPad, garbagePad, promptPad, swipePad]) listening.push(await listenPinPadOverTcp(pad.simulator, 0));
    pty = await openPtyPair();
    serial = await servePinPadOverSerial(ptyPad.simulator, pty.ends[0]);
    const [tcp, silent, garbage, prompting, swiping] = listening;
    unplugged = await freePort(); // no pad listens there
    bridge = await startDeviceBridge(
      {
        PORT: '0',
        DATA_DIR: 'memory',
        LOG_LEVEL: 'debug',
        DEVICE_BRIDGE_GATEWAY_URL: platform.gatewayUrl,
        DEVICE_BRIDGE_PINPADS: JSON.stringify([
          laneOf('1', 2, `tcp://127.0.0.1:${tcp.port}`),
          laneOf('2', 3, `serial:${pty.ends[1]}`, 'always'),
          laneOf('3', 4, `tcp://127.0.0.1:${silent.port}`),
          laneOf('4', 6, `tcp://127.0.0.1:${garbage.port}`),
          laneOf('5', 9, `tcp://127.0.0.1:${unplugged}`),
          laneOf('6', 1, `tcp://127.0.0.1:${prompting.port}`, 'never', 'pinpad'),
          laneOf('7', 10, `tcp://127.0.0.1:${swiping.port}`, 'never'),
        ]),
      },
      { logDestination: { write: (line: string) => void bridgeLog.push(line) } },
    );
  }, 120_000);

  afterAll(async () => {
    await bridge?.close();
    await serial?.close();
    await pty?.close();
    for (const pad of listening) await pad.close();
    await platform?.stop();
  }, 60_000);

  afterEach(() => platform.simulator.reset());

  it('pays over TCP: the bridge shows the amount, reads the chip card and its PIN, and returns the gateway answer unchanged', async () => {
    const idempotencyKey = `bridge-${randomUUID()}`;
    const paid = await post(bridge.url, 2, '/v1/purchases', { amount: 1500, currency: 'EUR' }, idempotencyKey);

    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ status: 'approved', responseCode: '00', amount: 1500 });
    // Where the time went: the pad (card and PIN), the gateway, the bridge itself.
    expect(paid.headers?.get('server-timing')).toMatch(/^pad;dur=\d+\.\d\d, gateway;dur=\d+\.\d\d, bridge;dur=\d+\.\d\d$/);
    const [sent] = hostRequests('DEMO0002');
    expect(sent.fields[52]).toMatch(/^[0-9A-F]{16}$/); // the PIN went online, translated
    expect(tcpPad.pinBlocks).toHaveLength(1);
    expect(paid.body.receipt).toEqual(expect.arrayContaining(['AMOUNT 15.00 EUR']));
    expect(paid.text).not.toContain(PAN);
    await eventually(
      () => Promise.resolve(tcpPad.simulator.displayed),
      (lines) => lines[0] === 'APPROVED',
    );
    expect((await journalOf('DEMO0002')).map((t) => t.status)).toEqual(['approved']);
  });

  it('pays over a pty (socat) with a magstripe card and the PIN the lane always asks', async () => {
    const paid = await post(bridge.url, 3, '/v1/purchases', { amount: 2750, currency: 'EUR' });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ status: 'approved', responseCode: '00', amount: 2750 });
    expect(hostRequests('DEMO0003')[0].fields[52]).toMatch(/^[0-9A-F]{16}$/);
    expect(ptyPad.pinBlocks).toHaveLength(1);
  });

  it('replays the outcome to a register retrying with its Idempotency-Key, without reading the card again', async () => {
    const idempotencyKey = `bridge-${randomUUID()}`;
    const first = await post(bridge.url, 2, '/v1/purchases', { amount: 990, currency: 'EUR' }, idempotencyKey);
    const blocksBefore = tcpPad.pinBlocks.length;
    const retry = await post(bridge.url, 2, '/v1/purchases', { amount: 990, currency: 'EUR' }, idempotencyKey);
    expect(retry.status).toBe(first.status);
    expect(retry.body).toEqual(first.body);
    expect(tcpPad.pinBlocks).toHaveLength(blocksBefore);
    expect(hostRequests('DEMO0002')).toHaveLength(1);

    const reused = await post(bridge.url, 2, '/v1/purchases', { amount: 991, currency: 'EUR' }, idempotencyKey);
    expect(reused.status).toBe(422);
  });

  it('passes a request that already carries its card on as it is (the gateway replays the same answer), and the follow-ups: emergency cancel and receipt copy', async () => {
    const blocksBefore = tcpPad.pinBlocks.length;
    const idempotencyKey = `bridge-${randomUUID()}`;
    const withCard = { amount: 640, currency: 'EUR', card: new RegisterClient(platform.gatewayUrl).card(PAN) };
    const paid = await post(bridge.url, 2, '/v1/purchases', withCard, idempotencyKey);
    expect(paid.body).toMatchObject({ status: 'approved', amount: 640 });
    expect(tcpPad.pinBlocks).toHaveLength(blocksBefore);
    const direct = await post(platform.gatewayUrl, 2, '/v1/purchases', withCard, idempotencyKey);
    expect(paid.status).toBe(direct.status);
    expect(paid.text).toBe(direct.text);

    const cancel = await post(bridge.url, 2, '/v1/emergency-cancels', {});
    expect(cancel.status).toBe(201);
    expect(cancel.body).toMatchObject({ operation: 'emergency_cancel', status: 'approved' });
    expect(hostRequests('DEMO0002', '0400')).toHaveLength(1);
    const copy = await call(`${bridge.url}/v1/receipts/last`, { headers: { authorization: `Bearer ${terminalKey(2)}` } });
    expect(copy.status).toBe(200);
    expect(copy.body).toMatchObject({ receipt: { operation: 'emergency_cancel' } });
  });

  it("shows the server's cashier prompt on the PIN pad and answers it there: the register gets the outcome, not the prompt", async () => {
    const paid = await post(bridge.url, 1, '/v1/purchases', { amount: 1700, currency: 'EUR' });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ status: 'approved', amount: 1700 });
    expect(promptPad.pinBlocks).toHaveLength(0);
    const journaled = await operatorCall<{ history: { status: string }[] }>(
      `${platform.authorizationUrl}/v1/journal/transactions/${String(paid.body.transactionId)}`,
    );
    expect(journaled.body.history.map((h) => h.status)).toEqual(['pending', 'awaiting_cashier', 'pending', 'approved']);
  });

  it('passes a cashier prompt to the register, which answers it through the bridge; its key then gives the outcome', async () => {
    const idempotencyKey = `bridge-${randomUUID()}`;
    const waiting = await post(bridge.url, 10, '/v1/purchases', { amount: 1900, currency: 'EUR' }, idempotencyKey);
    expect(waiting.status).toBe(202);
    const prompt = waiting.body.prompt as { promptId: string; kind: string };
    expect(prompt.kind).toBe('confirm_last4');

    const answered = await post(bridge.url, 10, `/v1/prompts/${prompt.promptId}/answer`, { value: PAN.slice(-4) }, null);
    expect(answered.status).toBe(201);
    expect(answered.body).toMatchObject({ status: 'approved', amount: 1900 });
    const again = await post(bridge.url, 10, '/v1/purchases', { amount: 1900, currency: 'EUR' }, idempotencyKey);
    expect([again.status, again.body.transactionId, again.body.status]).toEqual([201, answered.body.transactionId, 'approved']);
    expect(hostRequests('DEMO0010')).toHaveLength(1);
  });

  it('answers 503 naming the lane when its PIN pad goes silent mid-operation; nothing reaches the gateway', async () => {
    const started = Date.now();
    const failed = await post(bridge.url, 4, '/v1/purchases', { amount: 4200, currency: 'EUR' });
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({ lane: '3', terminalId: 'DEMO0004' });
    // A silent pad is seen as no ACK or, when the link gives up on it first (a loaded machine), as its line closing.
    expect(failed.body.message).toMatch(
      /lane 3 \(terminal DEMO0004\): the PIN pad (is silent or unplugged|is unreachable or its line closed).*nothing was sent to the gateway/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(hostRequests('DEMO0004')).toHaveLength(0);
    expect(await journalOf('DEMO0004')).toEqual([]);
  });

  it('answers 502 naming the lane when its PIN pad sends garbage; nothing charged', async () => {
    const failed = await post(bridge.url, 6, '/v1/purchases', { amount: 4300, currency: 'EUR' });
    expect(failed.status).toBe(502);
    expect(failed.body.message).toMatch(/lane 4 \(terminal DEMO0006\): the PIN pad sent garbage/);
    expect(await journalOf('DEMO0006')).toEqual([]);
  });

  it('answers 503 naming the lane when its PIN pad is unplugged; nothing charged', async () => {
    const failed = await post(bridge.url, 9, '/v1/purchases', { amount: 4400, currency: 'EUR' });
    expect(failed.status).toBe(503);
    expect(failed.body.message).toMatch(/lane 5 \(terminal DEMO0009\): the PIN pad is unreachable or its line closed.*nothing was sent to the gateway/);
    expect(await journalOf('DEMO0009')).toEqual([]);
  });

  it('answers 404 for a register whose terminal has no lane, and asks no pad and no host', async () => {
    const refused = await post(bridge.url, 7, '/v1/purchases', { amount: 100, currency: 'EUR' });
    expect(refused.status).toBe(404);
    expect(refused.body.message).toContain('no PIN pad lane is configured for this terminal key; configured lanes: 1 (terminal DEMO0002)');
    expect(hostRequests('DEMO0007')).toHaveLength(0);
  });

  it('never logs a PAN or a PIN block', () => {
    const log = bridgeLog.join('\n').toUpperCase();
    expect(bridgeLog.length).toBeGreaterThan(0);
    expect(log).not.toContain(PAN);
    for (const block of [...tcpPad.pinBlocks, ...ptyPad.pinBlocks]) expect(log).not.toContain(block);
  });

  it('fails over: with the primary gateway down, the register pays through the backup, once', async () => {
    const pad = simulatedPad({ ksn: 'FFFF9876543216E00000', entryMode: 'chip' });
    const served = await listenPinPadOverTcp(pad.simulator, 0);
    const failover = await startDeviceBridge({
      PORT: '0',
      DATA_DIR: 'memory',
      LOG_LEVEL: 'warn',
      DEVICE_BRIDGE_GATEWAY_URL: `http://127.0.0.1:${await freePort()}`, // nothing listens: refused
      DEVICE_BRIDGE_BACKUP_GATEWAY_URL: platform.gatewayUrl,
      DEVICE_BRIDGE_PINPADS: JSON.stringify([laneOf('8', 8, `tcp://127.0.0.1:${served.port}`)]),
    });
    try {
      const paid = await post(failover.url, 8, '/v1/purchases', { amount: 1800, currency: 'EUR' });
      expect(paid.status).toBe(201);
      expect(paid.body).toMatchObject({ status: 'approved', amount: 1800 });
      expect(hostRequests('DEMO0008')).toHaveLength(1);
      const ready = await call(`${failover.url}/health/ready`);
      expect(ready.status).toBe(200);
    } finally {
      await failover.close();
      await served.close();
    }
  });

  it('keeps its lanes across kills: an emergency cancel after a restart, and an operation killed once the gateway had it is recovered, never done twice', async () => {
    const pad = simulatedPad({ ksn: 'FFFF9876543215E00000', entryMode: 'chip' });
    const served = await listenPinPadOverTcp(pad.simulator, 0);
    const dataDir = mkdtempSync(join(tmpdir(), 'bridge-state-'));
    const env = {
      DATA_DIR: dataDir,
      DEVICE_BRIDGE_GATEWAY_URL: platform.gatewayUrl,
      DEVICE_BRIDGE_PROBE_INTERVAL_MS: '300',
      DEVICE_BRIDGE_PINPADS: JSON.stringify([laneOf('9', 5, `tcp://127.0.0.1:${served.port}`)]),
    };
    let process = await startBridgeProcess(env);
    try {
      const paid = await post(process.url, 5, '/v1/purchases', { amount: 3000, currency: 'EUR' });
      expect(paid.body).toMatchObject({ status: 'approved' });
      await process.kill();
      process = await startBridgeProcess(env);
      const cancel = await post(process.url, 5, '/v1/emergency-cancels', {});
      expect(cancel.body).toMatchObject({ operation: 'emergency_cancel', status: 'approved', originalTransactionId: paid.body.transactionId });
      const copy = await call(`${process.url}/v1/receipts/last`, { headers: { authorization: `Bearer ${terminalKey(5)}` } });
      expect(copy.status).toBe(200);

      // The host answers after 1 s: time to kill the bridge while the gateway runs the purchase.
      platform.simulator.setDefault({ kind: 'delay', ms: 1_000, then: { kind: 'approve' } });
      const idempotencyKey = `bridge-${randomUUID()}`;
      const body = { amount: 3100, currency: 'EUR' };
      const lost = post(process.url, 5, '/v1/purchases', body, idempotencyKey).catch((error: Error) => error);
      await eventually(
        () => Promise.resolve(hostRequests('DEMO0005').length),
        (count) => count === 2,
        10_000,
      );
      await process.kill();
      expect(await lost).not.toHaveProperty('status'); // the register's connection died with the bridge

      process = await startBridgeProcess(env);
      const recovered = await eventually(
        () => post(process.url, 5, '/v1/purchases', body, idempotencyKey),
        (answer) => answer.status !== 409,
        10_000,
      );
      // The gateway saw its caller vanish mid-operation and reverses the purchase (as for any register
      // that drops): the outcome recovered is that stored one, and the register starts a new purchase.
      expect(recovered.status).toBe(504);
      expect(recovered.body.message).toContain('is being reversed and moves no money');
      expect(hostRequests('DEMO0005')).toHaveLength(2); // the purchase reached the host once
      expect(pad.pinBlocks).toHaveLength(2); // its card and PIN were read once
      // Purchase 1 approved then emergency-cancelled, its cancel, purchase 2 reversed: never a second approval.
      const rows = await eventually(
        () => journalOf('DEMO0005'),
        (found) => found.some((row) => row.status === 'reversed'),
      );
      expect(rows.map((row) => row.status).sort()).toEqual(['approved', 'cancelled', 'reversed']);
    } finally {
      await process.stop();
      await served.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
