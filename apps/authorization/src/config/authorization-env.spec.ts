import { DEV_KEYS, loadAuthorizationEnv } from './authorization-env';

describe('loadAuthorizationEnv keys', () => {
  const ownKeys = {
    NODE_ENV: 'production',
    CARD_BDKS: 'pad-1:00112233445566778899AABBCCDDEEFF',
    PAN_TOKEN_KEY: 'ab'.repeat(32),
    PAN_KEKS: `kek-1:${'cd'.repeat(32)}`,
  };

  it('refuses the public development zone PIN key in production, and takes one of its own', () => {
    expect(() => loadAuthorizationEnv(ownKeys)).toThrow('ACQUIRER_ZPKS: the public development key is not allowed when NODE_ENV=production');
    const env = loadAuthorizationEnv({ ...ownKeys, ACQUIRER_ZPKS: 'default:FEDCBA98765432100123456789ABCDEF' });
    expect(env.ACQUIRER_ZPKS).toBe('default:FEDCBA98765432100123456789ABCDEF');
  });

  it('defaults to the development zone PIN key outside production', () => {
    expect(loadAuthorizationEnv({}).ACQUIRER_ZPKS).toBe(DEV_KEYS.acquirerZpks);
  });
});
