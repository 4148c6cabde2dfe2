import {
  CardDataDecryptor,
  decryptPinBlockFormat0,
  deriveIpek,
  deriveTransactionKey,
  hexToBytes,
  InMemoryBdkStore,
  KeySerialNumber,
  pinEncryptionKey,
} from '@payments/crypto';
import { connectPinPadOverTcp } from '@payments/pinpad';

import { DEFAULT_BDK, DEFAULT_BDK_ID, DEFAULT_KSN } from '../card/card-encrypt.options';
import { FakeCliIo } from '../testing/fake-cli-io.util';
import { PinPadSimulateOptions, runPinPadSimulate } from './pinpad-simulate.command';

const PAN = '4761739001010010';
const DEFAULTS: PinPadSimulateOptions = {
  tcp: '0',
  pan: PAN,
  expiry: '2712',
  serviceCode: '201',
  entryMode: 'magstripe',
  pin: '1234',
  digits: '77',
  serialNumber: 'SIM-000001',
  ksn: DEFAULT_KSN,
  bdkId: DEFAULT_BDK_ID,
  bdk: DEFAULT_BDK,
};
const server = new CardDataDecryptor(InMemoryBdkStore.fromConfig(`${DEFAULT_BDK_ID}:${DEFAULT_BDK}`));

/** What the server (or its HSM) does with a format 0 PIN block: the PIN key from the BDK and the block's KSN. */
function serverReadsPin(pinBlock: string, ksnHex: string, pan: string): string {
  const ksn = KeySerialNumber.parse(ksnHex);
  return decryptPinBlockFormat0(
    pinEncryptionKey(deriveTransactionKey(deriveIpek(hexToBytes(DEFAULT_BDK, 'bdk'), ksn), ksn)),
    hexToBytes(pinBlock, 'pinBlock'),
    pan,
  );
}

/** Runs the command until the test says stop; resolves once it has printed its line (or failed). */
async function start(change: Partial<PinPadSimulateOptions> = {}): Promise<{ io: FakeCliIo; stop: () => Promise<number> }> {
  const io = new FakeCliIo();
  let stop!: () => void;
  const exit = runPinPadSimulate({ ...DEFAULTS, ...change }, io, () => new Promise<void>((resolve) => (stop = resolve)));
  const deadline = Date.now() + 3_000;
  while (io.out === '' && io.err === '' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  return {
    io,
    stop: () => {
      stop?.();
      return exit;
    },
  };
}

describe(runPinPadSimulate.name, () => {
  it('prints where it listens as one JSON line and serves the configured card until stopped', async () => {
    const { io, stop } = await start({ ksn: 'FFFF9876543210E00005' });
    expect(io.err).toBe('');
    expect(io.out).toMatch(/^\{"transport":"tcp","host":"127\.0\.0\.1","port":\d+\}\n$/);
    const { host, port } = JSON.parse(io.out) as { host: string; port: number };
    const pad = await connectPinPadOverTcp(host, port);
    await expect(pad.deviceInfo()).resolves.toMatchObject({ serialNumber: 'SIM-000001', bdkId: DEFAULT_BDK_ID, ksn: 'FFFF9876543210E00005' });
    const read = await pad.readCard('SWIPE', ['magstripe'], 2_000);
    expect(read.card.ksn).toBe('FFFF9876543210E00005');
    expect(server.decrypt(read.card)).toMatchObject({ pan: PAN, expiry: '2712' });
    await expect(pad.readDigits({ prompt: 'NUMBER', minDigits: 1, maxDigits: 4, timeoutMs: 1_000 })).resolves.toEqual({ command: 'read-digits', digits: '77' });
    const pin = await pad.enterPin({ prompt: 'PIN', minDigits: 4, maxDigits: 12, timeoutMs: 1_000 });
    expect(pin.ksn).toBe('FFFF9876543210E00006');
    expect(pin.pinBlock).toMatch(/^[0-9A-F]{16}$/);
    expect(serverReadsPin(pin.pinBlock, pin.ksn, PAN)).toBe('1234');
    pad.close();
    await expect(stop()).resolves.toBe(0);
    await expect(connectPinPadOverTcp(host, port)).rejects.toMatchObject({ reason: 'line-closed' });
  });

  it.each<[string, Partial<PinPadSimulateOptions>, string]>([
    ['no transport', { tcp: undefined }, 'error: give exactly one of --tcp <port>, --pty or --serial <tty path>'],
    ['two transports', { pty: true }, 'error: give exactly one of --tcp <port>, --pty or --serial <tty path>'],
    ['a bad port', { tcp: '70000' }, 'error: --tcp must be a port number 0-65535 (0: any free port)'],
    ['a serial path outside /dev', { tcp: undefined, serial: 'ttyS0' }, 'error: --serial must be a tty path under /dev (e.g. /dev/ttyACM0)'],
    ['a mistyped PAN', { pan: '4761739001010011' }, 'error: --pan fails the Luhn check (a mistyped digit?)'],
    ['an unknown entry mode', { entryMode: 'nfc' }, 'error: --entry-mode must be magstripe, chip or contactless'],
    ['a short PIN', { pin: '12' }, 'error: --pin must be 4-12 digits'],
  ])('refuses %s with one error line, nothing on stdout, exit 1, no value echoed', async (_case, change, line) => {
    const io = new FakeCliIo();
    await expect(runPinPadSimulate({ ...DEFAULTS, ...change }, io, () => Promise.resolve())).resolves.toBe(1);
    expect(io.out).toBe('');
    expect(io.errLines()).toEqual([line]);
    expect(io.err).not.toContain(PAN.slice(0, 12));
  });

  it('fails with one error line when the serial path cannot be opened', async () => {
    const io = new FakeCliIo();
    await expect(runPinPadSimulate({ ...DEFAULTS, tcp: undefined, serial: '/dev/no-such-tty' }, io, () => Promise.resolve())).resolves.toBe(1);
    expect(io.errLines()).toEqual([expect.stringMatching(/^error: line-closed: cannot open \/dev\/no-such-tty/)]);
  });
});
