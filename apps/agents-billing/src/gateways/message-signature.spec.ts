import { generateKeyPairSync } from 'node:crypto';

import { canonicalBytesOf, ed25519PublicKeyOf, signatureHolds, signMessage } from '@payments/contracts';

import { platformSigningKeyOf, SIGNING_KEY_VARIABLE } from './platform-signing-key';

const platform = platformSigningKeyOf({});
const platformPublic = ed25519PublicKeyOf(platform.publicKeyPem);
const message = { subject: 'POST', path: '/v1/payments', timestamp: '2026-12-09T10:00:00.000Z', body: '{"paymentId":"p","amount":"2500"}' };

describe('signed messages to and from payee gateways (Ed25519)', () => {
  it('signs method, path, timestamp and the exact body, one per line', () => {
    expect(canonicalBytesOf(message).toString('utf8')).toBe('POST\n/v1/payments\n2026-12-09T10:00:00.000Z\n{"paymentId":"p","amount":"2500"}');
  });

  it('verifies a good signature with the signer’s public key', () => {
    expect(signatureHolds(platformPublic, message, signMessage(platform.privateKey, message))).toBe(true);
  });

  it('refuses the signature once the body, the path, the timestamp or the method changed', () => {
    const signature = signMessage(platform.privateKey, message);
    expect(signatureHolds(platformPublic, { ...message, body: message.body.replace('2500', '2501') }, signature)).toBe(false);
    expect(signatureHolds(platformPublic, { ...message, path: '/v1/payments/x' }, signature)).toBe(false);
    expect(signatureHolds(platformPublic, { ...message, timestamp: '2026-12-09T10:00:01.000Z' }, signature)).toBe(false);
    expect(signatureHolds(platformPublic, { ...message, subject: 'HTTP 200' }, signature)).toBe(false);
  });

  it('refuses a signature made with another key', () => {
    const stranger = generateKeyPairSync('ed25519').privateKey;
    expect(signatureHolds(platformPublic, message, signMessage(stranger, message))).toBe(false);
  });

  it('refuses a missing, empty or malformed signature', () => {
    expect(signatureHolds(platformPublic, message, undefined)).toBe(false);
    expect(signatureHolds(platformPublic, message, null)).toBe(false);
    expect(signatureHolds(platformPublic, message, '')).toBe(false);
    expect(signatureHolds(platformPublic, message, 'not base64 at all!')).toBe(false);
  });

  it('takes the platform’s key from the environment (PEM, \\n escapes too) and names the variable when it is wrong', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const configured = platformSigningKeyOf({ [SIGNING_KEY_VARIABLE]: pem.replace(/\n/g, '\\n') });
    expect(configured.generated).toBe(false);
    expect(configured.publicKeyPem).toBe(publicKey.export({ type: 'spki', format: 'pem' }).toString());
    expect(() => platformSigningKeyOf({ [SIGNING_KEY_VARIABLE]: 'not a key' })).toThrow(`${SIGNING_KEY_VARIABLE}: not a private key in PEM`);
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => platformSigningKeyOf({ [SIGNING_KEY_VARIABLE]: p256 })).toThrow(`${SIGNING_KEY_VARIABLE}: an Ed25519 key is expected, not ec`);
  });

  it('makes a key for the run only outside production: NODE_ENV=production without the key refuses to start, naming it', () => {
    expect(platformSigningKeyOf({ NODE_ENV: 'development' }).generated).toBe(true);
    expect(() => platformSigningKeyOf({ NODE_ENV: 'production' })).toThrow(`${SIGNING_KEY_VARIABLE}: required when NODE_ENV=production`);
  });

  it('refuses a payee public key that is not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => ed25519PublicKeyOf(rsa)).toThrow('an Ed25519 public key is expected, not rsa');
  });
});
