import { createHash } from 'node:crypto';

/** OpenSSH's fingerprint of a key blob: 'SHA256:' + unpadded base64 of its SHA-256. */
export function fingerprintOf(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/**
 * The fingerprint of a public key written as OpenSSH does, in a .pub file ('ssh-ed25519 AAAA… comment')
 * or a known_hosts line ('[127.0.0.1]:2222 ssh-ed25519 AAAA…').
 */
export function hostKeySha256Of(publicKeyLine: string): string {
  const tokens = publicKeyLine.trim().split(/\s+/);
  const typeAt = tokens.findIndex((token) => /^(ssh-|ecdsa-|sk-)/.test(token));
  const blob = typeAt >= 0 ? tokens[typeAt + 1] : undefined;
  if (!blob) throw new Error('hostKeySha256Of: no OpenSSH public key (type, then base64) in the line given');
  return fingerprintOf(Buffer.from(blob, 'base64'));
}

/** ssh2's hostVerifier: true only for the pinned key. */
export function hostKeyVerifier(expected: string): (keyBlob: Buffer) => boolean {
  const want = expected.startsWith('SHA256:') ? expected : `SHA256:${expected}`;
  return (keyBlob) => fingerprintOf(keyBlob) === want;
}
