import { createHash } from 'node:crypto';

/** The first 16 bytes of a digest laid out as an RFC 9562 version 8 UUID. */
export function uuidOfDigest(digest: Buffer): string {
  const bytes = Buffer.from(digest.subarray(0, 16));
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A UUID that a name always gives (the RFC 9562 version 8 layout over SHA-256 of the name): the
 * ledger ids derived from a node, a payee or a payment are the same on every retry and replica.
 * Unkeyed: never for a name that is personal data (a payer's phone: `ChangeAccounts`, keyed).
 */
export function namedId(name: string): string {
  return uuidOfDigest(createHash('sha256').update(`agents-billing:${name}`).digest());
}
