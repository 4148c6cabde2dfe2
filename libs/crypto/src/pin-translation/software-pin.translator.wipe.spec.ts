import { InMemoryBdkStore } from '../card-data/bdk.store';
import { ANSI_TEST_BDK, ANSI_TEST_INITIAL_KSN } from '../dukpt/ansi-test-keys';
import { SoftwarePinTranslator } from './software-pin.translator';
import { InMemoryZonePinKeyStore, TEST_ZONE_PIN_KEY } from './zone-pin-key.store';

const mockIpeks: Buffer[] = [];

// The IPEK derivation is recorded and the next derivation step fails, as a fault part way would.
jest.mock('../dukpt/dukpt.kdf', () => {
  const actual = jest.requireActual<typeof import('../dukpt/dukpt.kdf')>('../dukpt/dukpt.kdf');
  return {
    ...actual,
    deriveIpek: (...args: Parameters<typeof actual.deriveIpek>) => {
      const ipek = actual.deriveIpek(...args);
      mockIpeks.push(ipek);
      return ipek;
    },
    deriveTransactionKey: () => {
      throw new Error('derivation fault');
    },
  };
});

describe('SoftwarePinTranslator when a derivation step fails', () => {
  it('still wipes the IPEK it had already derived', async () => {
    const translator = new SoftwarePinTranslator(
      InMemoryBdkStore.fromConfig(`ansi:${ANSI_TEST_BDK}`),
      InMemoryZonePinKeyStore.fromConfig(`acme:${TEST_ZONE_PIN_KEY}`),
    );
    const block = { pinBlock: '0123456789ABCDEF', format: 0 as const, ksn: ANSI_TEST_INITIAL_KSN, bdkId: 'ansi', pan: '4012345678909' };
    await expect(translator.translate(block, 'acme')).rejects.toThrow('derivation fault');
    expect(mockIpeks).toHaveLength(1);
    expect(mockIpeks[0].equals(Buffer.alloc(16))).toBe(true);
  });
});
