import { generateKeyPairSync } from 'node:crypto';

import { DEV_REGISTRY_SIGNING_KEY, loadRegistriesEnv } from './registries-env';
import { RegistrySigner, verifyRegistrySignature } from './registry-signer';

const FILE = Buffer.from('H;mobile-topup;2026-12-08;1\r\nD;p1;25.00;EUR\r\nT;1;2500\r\n');
const flipped = (bytes: Buffer, at: number) => Buffer.from(bytes.map((b, i) => (i === at ? b ^ 0x01 : b)));

describe(RegistrySigner.name, () => {
  const rsaPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  it.each([
    ['Ed25519', DEV_REGISTRY_SIGNING_KEY],
    ['RSA-SHA256', rsaPem],
  ])('%s: the signature verifies with the public key given to payees, and fails on one flipped byte of the file or of itself', (algorithm, pem) => {
    const signer = new RegistrySigner(pem);

    const signature = signer.sign(FILE);

    expect(signer.algorithm).toBe(algorithm);
    expect(signer.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(signer.keyId).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyRegistrySignature(FILE, signature, signer.publicKeyPem)).toBe(true);
    expect(signer.sign(FILE).equals(signature)).toBe(true);
    expect(verifyRegistrySignature(flipped(FILE, 20), signature, signer.publicKeyPem)).toBe(false);
    expect(verifyRegistrySignature(FILE, flipped(signature, 3), signer.publicKeyPem)).toBe(false);
  });

  it('refuses what is not a private Ed25519 or RSA key, never repeating the text', () => {
    const notAKey = '-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWJ1dC1icm9rZW4=\n-----END PRIVATE KEY-----\n';
    expect(() => new RegistrySigner(notAKey)).toThrow(new Error('the registry signing key is not a private key in PEM'));
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => new RegistrySigner(ec)).toThrow('the registry signing key must be Ed25519 or RSA, not ec');
  });
});

describe(loadRegistriesEnv.name, () => {
  it('signs with the development key and delivers into a folder unless configured', () => {
    expect(loadRegistriesEnv({})).toMatchObject({
      signingKeyPem: DEV_REGISTRY_SIGNING_KEY,
      delivery: { kind: 'folder', path: 'data/agents-registries/outgoing' },
      dir: 'data/agents-registries',
    });
  });

  it('refuses the development key when NODE_ENV=production, and a delivery that does not parse, naming the variable', () => {
    expect(() => loadRegistriesEnv({ NODE_ENV: 'production' })).toThrow(
      'AGENTS_BILLING_REGISTRY_SIGNING_KEY: the public development key is not allowed when NODE_ENV=production',
    );
    expect(() => loadRegistriesEnv({ AGENTS_BILLING_REGISTRY_DELIVERY: '{"kind":"ftp"}' })).toThrow(/AGENTS_BILLING_REGISTRY_DELIVERY/);
  });
});
