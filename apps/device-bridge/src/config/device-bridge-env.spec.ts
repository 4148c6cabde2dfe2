import { loadDeviceBridgeEnv } from './device-bridge-env';

const KEY_HASH = 'a'.repeat(64);
const lane = (overrides: Record<string, unknown> = {}) => ({
  lane: '1',
  terminalId: 'DEMO0001',
  terminalKeySha256: KEY_HASH,
  pinpad: 'tcp://127.0.0.1:7001',
  ...overrides,
});
const load = (pinpads: unknown) => loadDeviceBridgeEnv({ DEVICE_BRIDGE_PINPADS: JSON.stringify(pinpads) });

describe('DEVICE_BRIDGE_PINPADS', () => {
  it('takes a TCP lane and a serial lane with its baud rate; the PIN policy defaults to chip cards', () => {
    const env = load([
      lane(),
      lane({ lane: '2', terminalId: 'DEMO0002', terminalKeySha256: 'B'.repeat(64), pinpad: 'serial:/dev/ttyUSB0?baud=9600', pin: 'always', prompts: 'pinpad' }),
    ]);
    expect(env.DEVICE_BRIDGE_PINPADS).toEqual([
      {
        lane: '1',
        terminalId: 'DEMO0001',
        terminalKeySha256: KEY_HASH,
        pinpad: { kind: 'tcp', host: '127.0.0.1', port: 7001 },
        pin: 'chip',
        prompts: 'register',
      },
      {
        lane: '2',
        terminalId: 'DEMO0002',
        terminalKeySha256: 'b'.repeat(64),
        pinpad: { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 },
        pin: 'always',
        prompts: 'pinpad',
      },
    ]);
    expect(load([lane({ pinpad: 'serial:/dev/ttyACM0' })]).DEVICE_BRIDGE_PINPADS[0].pinpad).toEqual({
      kind: 'serial',
      path: '/dev/ttyACM0',
      baudRate: 115_200,
    });
  });

  it('has no lanes by default (the bridge only passes requests through)', () => {
    expect(loadDeviceBridgeEnv({}).DEVICE_BRIDGE_PINPADS).toEqual([]);
  });

  it.each([
    [
      'a transport of no known kind',
      [lane(), lane({ lane: '2', terminalId: 'T2', terminalKeySha256: 'c'.repeat(64), pinpad: 'usb:1' })],
      'entry 1 (lane "2"): pinpad must be tcp://',
    ],
    ['a TCP port out of range', [lane({ pinpad: 'tcp://127.0.0.1:70000' })], 'entry 0 (lane "1"): pinpad port must be 1-65535'],
    ['a serial path outside /dev', [lane({ pinpad: 'serial:/tmp/pad' })], 'entry 0 (lane "1"): pinpad must be'],
    ['a key that is no SHA-256', [lane({ terminalKeySha256: 'demo-terminal-key' })], 'entry 0 (lane "1"): terminalKeySha256 must be the SHA-256'],
    ['an unknown PIN policy', [lane({ pin: 'sometimes' })], 'entry 0 (lane "1"): pin must be always, chip or never'],
    ['an unknown prompt answerer', [lane({ prompts: 'cashier' })], 'entry 0 (lane "1"): prompts must be register or pinpad'],
    ['a lane without its id', [{ ...lane(), lane: undefined }], 'entry 0: lane must be'],
    [
      'two lanes with one terminal key',
      [lane(), lane({ lane: '2', terminalId: 'T2' })],
      'entry 1 (lane "2"): terminalKeySha256 is already used by another lane',
    ],
    ['not an array', { lane: '1' }, 'must be a JSON array of lanes'],
  ])('refuses %s at boot, naming the entry', (_case, pinpads, problem) => {
    expect(() => load(pinpads)).toThrow(problem);
  });

  it('refuses text that is no JSON', () => {
    expect(() => loadDeviceBridgeEnv({ DEVICE_BRIDGE_PINPADS: '[{lane:1' })).toThrow('DEVICE_BRIDGE_PINPADS: must be a JSON array');
  });
});
