import { DEMO_OPERATOR_KEY, DEMO_OPERATOR_KEY_HASH, hashOperatorKey, OperatorKeyRing } from './operator-key.ring';

describe(OperatorKeyRing.name, () => {
  const key = 'operator-key-of-the-night-shift';

  it('accepts the keys whose hashes are configured, and no other', () => {
    const sut = OperatorKeyRing.fromConfig(`${hashOperatorKey(key)}, ${hashOperatorKey('next-key-after-rotation')}`, undefined);
    expect(sut.accepts(key)).toBe(true);
    expect(sut.accepts('next-key-after-rotation')).toBe(true);
    expect(sut.accepts(hashOperatorKey(key))).toBe(false);
    expect(sut.accepts('')).toBe(false);
    expect(sut.acceptsDemoKey()).toBe(false);
  });

  it('takes upper-case hex as written by other tools', () => {
    expect(OperatorKeyRing.fromConfig(hashOperatorKey(key).toUpperCase(), undefined).accepts(key)).toBe(true);
  });

  it('refuses a value that is not a list of SHA-256 hashes, without echoing it', () => {
    expect(() => OperatorKeyRing.fromConfig(key, undefined)).toThrow(
      'OPERATOR_KEY_HASHES: comma-separated SHA-256 hashes (64 hex digits) of the operator keys',
    );
    expect(() => OperatorKeyRing.fromConfig(' , ', undefined)).toThrow(/OPERATOR_KEY_HASHES/);
  });

  it('lets the demo key work outside production only', () => {
    expect(OperatorKeyRing.fromConfig(DEMO_OPERATOR_KEY_HASH, 'development').accepts(DEMO_OPERATOR_KEY)).toBe(true);
    expect(() => OperatorKeyRing.fromConfig(`${hashOperatorKey(key)},${DEMO_OPERATOR_KEY_HASH}`, 'production')).toThrow(
      'OPERATOR_KEY_HASHES: the public demo operator key is not allowed when NODE_ENV=production',
    );
    expect(OperatorKeyRing.fromConfig(hashOperatorKey(key), 'production').accepts(key)).toBe(true);
  });
});
