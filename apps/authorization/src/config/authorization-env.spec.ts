import { ANSI_AES128_TEST_BDK, ANSI_AES256_TEST_BDK, ANSI_TEST_BDK, TEST_ZONE_PIN_KEY } from '@payments/crypto';

import { DEV_KEYS, loadAuthorizationEnv } from './authorization-env';

describe('loadAuthorizationEnv keys', () => {
  const ownKeys = {
    NODE_ENV: 'production',
    CARD_BDKS: 'pad-1:00112233445566778899AABBCCDDEEFF',
    PAN_TOKEN_KEY: 'ab'.repeat(32),
    PAN_KEKS: `kek-1:${'cd'.repeat(32)}`,
    ACQUIRER_ZPKS: 'default:FEDCBA98765432100123456789ABCDEF',
  };
  const devKek = DEV_KEYS.panKeks.slice(DEV_KEYS.panKeks.indexOf(':') + 1);

  function refusalOf(env: Record<string, string>): string {
    try {
      loadAuthorizationEnv(env);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('expected the configuration to be refused');
  }

  it('takes keys of its own in production', () => {
    expect(loadAuthorizationEnv(ownKeys).ACQUIRER_ZPKS).toBe('default:FEDCBA98765432100123456789ABCDEF');
  });

  it.each([
    ['the default zone PIN key', { ACQUIRER_ZPKS: undefined }, 'ACQUIRER_ZPKS.default'],
    ['the test zone PIN key under another acquirer id', { ACQUIRER_ZPKS: `acme:${TEST_ZONE_PIN_KEY}` }, 'ACQUIRER_ZPKS.acme'],
    ['the test zone PIN key in lowercase', { ACQUIRER_ZPKS: `acme:${TEST_ZONE_PIN_KEY.toLowerCase()}` }, 'ACQUIRER_ZPKS.acme'],
    ['the test zone PIN key next to a real one', { ACQUIRER_ZPKS: `real:FEDCBA98765432100123456789ABCDEF, test:${TEST_ZONE_PIN_KEY}` }, 'ACQUIRER_ZPKS.test'],
    ['the ANSI test BDK under another id', { CARD_BDKS: `pad-1:00112233445566778899AABBCCDDEEFF,pad-2:${ANSI_TEST_BDK.toLowerCase()}` }, 'CARD_BDKS.pad-2'],
    ['the X9.24-3 sample AES-128 BDK', { CARD_BDKS: `pad-1:00112233445566778899AABBCCDDEEFF,aes:aes128:${ANSI_AES128_TEST_BDK}` }, 'CARD_BDKS.aes'],
    ['the X9.24-3 sample AES-256 BDK, the scheme in capitals', { CARD_BDKS: `aes:AES256:${ANSI_AES256_TEST_BDK.toLowerCase()}` }, 'CARD_BDKS.aes'],
    ['the ANSI test BDK marked tdes', { CARD_BDKS: `pad-2:tdes:${ANSI_TEST_BDK}` }, 'CARD_BDKS.pad-2'],
    ['the development KEK under another id', { PAN_KEKS: `kek-2:${devKek.toUpperCase()}` }, 'PAN_KEKS.kek-2'],
    ['the development KEK in base64', { PAN_KEKS: `kek-1:${'cd'.repeat(32)},old:${Buffer.from(devKek, 'hex').toString('base64')}` }, 'PAN_KEKS.old'],
    ['the development PAN token key in uppercase', { PAN_TOKEN_KEY: DEV_KEYS.panTokenKey.toUpperCase() }, 'PAN_TOKEN_KEY'],
  ])('refuses %s when NODE_ENV=production, naming the variable and entry, never the key', (_case, overrides, entry) => {
    const env = Object.fromEntries(Object.entries({ ...ownKeys, ...overrides }).filter((pair): pair is [string, string] => pair[1] !== undefined));
    const message = refusalOf(env);
    expect(message).toContain(`${entry}: the public development key is not allowed when NODE_ENV=production`);
    for (const key of [TEST_ZONE_PIN_KEY, ANSI_TEST_BDK, ANSI_AES128_TEST_BDK, ANSI_AES256_TEST_BDK, devKek, DEV_KEYS.panTokenKey]) {
      expect(message.toLowerCase()).not.toContain(key.toLowerCase());
    }
  });

  it('defaults to the development keys outside production', () => {
    const env = loadAuthorizationEnv({});
    expect(env.ACQUIRER_ZPKS).toBe(DEV_KEYS.acquirerZpks);
    expect(env.CARD_BDKS).toBe(DEV_KEYS.bdks);
  });

  it('enforces the PIN pad registry by default, and refuses turning it off in production', () => {
    expect(loadAuthorizationEnv(ownKeys).AUTHORIZATION_PIN_PAD_REGISTRY).toBe('enforce');
    expect(loadAuthorizationEnv({ AUTHORIZATION_PIN_PAD_REGISTRY: 'off' }).AUTHORIZATION_PIN_PAD_REGISTRY).toBe('off');
    expect(refusalOf({ ...ownKeys, AUTHORIZATION_PIN_PAD_REGISTRY: 'off' })).toContain(
      'AUTHORIZATION_PIN_PAD_REGISTRY: off is for tests and demos: not allowed when NODE_ENV=production',
    );
  });

  it('refuses a bad PIN pad seed at start, naming the entry', () => {
    expect(refusalOf({ AUTHORIZATION_PIN_PADS_SEED: 'PP-1:ansi-test-bdk:FFFF9876543210E00001:DEMO0001' })).toContain(
      'AUTHORIZATION_PIN_PADS_SEED[0]: initialKsn',
    );
  });
});
