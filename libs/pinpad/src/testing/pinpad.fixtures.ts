import { ANSI_TEST_BDK, ANSI_TEST_INITIAL_KSN, hexToBytes, KeySerialNumber } from '@payments/crypto';

import { PinPadSimulatorConfig, SimulatedCard } from '../simulator/simulator-config.model';
import { simulatedKeysOf } from '../simulator/pinpad.simulator';
import { ScriptedCardholder } from '../simulator/simulated.cardholder';

export const TEST_BDK_ID = 'ansi-test-bdk';
export const TEST_PIN = '4321';
/** What the injected encryptor returns: opaque to the simulator, the link and the bridge. */
export const OPAQUE_PIN_BLOCK = Buffer.from('0C1D2E3F4A5B6C7D', 'hex');

export const MAGSTRIPE_CARD: SimulatedCard = {
  entryMode: 'magstripe',
  track2: { pan: '4111111111111111', expiry: '3012', serviceCode: '101', discretionaryData: '1234567' },
};

export const CHIP_CARD: SimulatedCard = {
  entryMode: 'chip',
  track2: { pan: '5555555555554444', expiry: '2912', serviceCode: '201', discretionaryData: '0000' },
  iccTags: [
    { tag: '5A', value: '5555555555554444' },
    { tag: '57', value: '5555555555554444D29122010000' },
    { tag: '9F26', value: '1122334455667788' },
    { tag: '9F02', value: '000000001500' },
    { tag: '82', value: '1980' },
  ],
};

/** Records each PIN the encryptor is given, so a test can check what reached it and nothing else. */
export function recordingPinEncryptor(): { calls: { pin: string; pan: string; ksn: string }[]; encryptPin: PinPadSimulatorConfig['encryptPin'] } {
  const calls: { pin: string; pan: string; ksn: string }[] = [];
  return {
    calls,
    encryptPin: (pin, pan, ksn) => {
      calls.push({ pin, pan, ksn: ksn.toHex() });
      return OPAQUE_PIN_BLOCK;
    },
  };
}

/** A simulator configuration with the ANSI X9.24 test keys, a magstripe card and `keys` typed. */
export function simulatorConfigOf(overrides: Partial<PinPadSimulatorConfig> & { keysTyped?: string } = {}): PinPadSimulatorConfig {
  const { keysTyped = '', ...rest } = overrides;
  return {
    serialNumber: 'PP-000123',
    keys: simulatedKeysOf(TEST_BDK_ID, hexToBytes(ANSI_TEST_BDK, 'bdk'), KeySerialNumber.parse(ANSI_TEST_INITIAL_KSN)),
    card: MAGSTRIPE_CARD,
    cardholder: new ScriptedCardholder(keysTyped),
    encryptPin: recordingPinEncryptor().encryptPin,
    ...rest,
  };
}

/** Link timings short enough for tests to see retransmission and link-down in milliseconds. */
export const FAST_LINK = { ackTimeoutMs: 150, frameGapMs: 100 } as const;
