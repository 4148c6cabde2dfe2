import { hashOperatorKey } from '@payments/runtime';

/**
 * Who an operator is, as far as the operator key tells: the first 12 hex digits of the key's
 * SHA-256, the start of its entry in OPERATOR_KEY_HASHES (never the key itself).
 */
export function operatorKeyIdOf(authorization: string | undefined): string {
  const key = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  return key ? `operator-key:${hashOperatorKey(key).slice(0, 12)}` : 'operator-key:unknown';
}
