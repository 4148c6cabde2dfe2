import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

/**
 * The signature an agent's terminal (a kiosk, a shop's terminal) puts on every request to the
 * agents' terminal API, version 1. The terminal holds an Ed25519 private key; the platform holds
 * its public key (PEM, SPKI), registered by an operator. The signature covers this canonical text,
 * the lines joined by "\n" with no trailing newline:
 *
 *   agent-terminal-request-v1
 *   <METHOD, upper case>
 *   <the path with its query, exactly as sent: /v1/agent-terminal/payments?x=1>
 *   <X-Terminal-Timestamp: seconds since 1970-01-01T00:00:00Z, decimal>
 *   <X-Terminal-Nonce: 16-64 letters, digits, - or _, never reused by the terminal>
 *   <Idempotency-Key: the header's value as sent; an empty line when there is none>
 *   <SHA-256 of the exact body bytes, lower-case hex (of no bytes when there is no body)>
 *
 * and travels base64 in X-Terminal-Signature, with X-Terminal-Id naming the terminal. The
 * Idempotency-Key is signed so that no one between the terminal and the platform can rewrite it
 * and turn a genuine retry into a second payment (v1 took that line in place before any terminal
 * was deployed).
 */
export const TERMINAL_REQUEST_HEADERS = {
  terminalId: 'x-terminal-id',
  timestamp: 'x-terminal-timestamp',
  nonce: 'x-terminal-nonce',
  signature: 'x-terminal-signature',
} as const;

/** The header that names a money-moving request for its retries; signed as the canonical text's sixth line. */
export const TERMINAL_IDEMPOTENCY_HEADER = 'idempotency-key';

export const TERMINAL_REQUEST_SCHEME = 'agent-terminal-request-v1';
export const TERMINAL_NONCE = /^[A-Za-z0-9_-]{16,64}$/;
export const TERMINAL_TIMESTAMP = /^[0-9]{1,12}$/;

export interface TerminalRequestParts {
  readonly method: string;
  /** The path with its query string, as sent on the request line. */
  readonly pathWithQuery: string;
  /** Seconds since the epoch, as sent in X-Terminal-Timestamp. */
  readonly timestamp: string;
  readonly nonce: string;
  /** The Idempotency-Key header's value as sent; absent when the request carries none (an empty line). */
  readonly idempotencyKey?: string;
  /** The exact bytes of the body (empty when there is none). */
  readonly body: Uint8Array;
}

export function canonicalTerminalRequest({ method, pathWithQuery, timestamp, nonce, idempotencyKey, body }: TerminalRequestParts): string {
  const bodyHash = createHash('sha256').update(body).digest('hex');
  return [TERMINAL_REQUEST_SCHEME, method.toUpperCase(), pathWithQuery, timestamp, nonce, idempotencyKey ?? '', bodyHash].join('\n');
}

/** The X-Terminal-Signature value: Ed25519 over the canonical text, base64. */
export function signTerminalRequest(parts: TerminalRequestParts, privateKeyPem: string | KeyObject): string {
  return sign(null, Buffer.from(canonicalTerminalRequest(parts), 'utf8'), privateKeyPem).toString('base64');
}

/** Whether `signature` (base64) is the terminal's Ed25519 signature of these parts. A malformed signature is false. */
export function verifyTerminalRequest(parts: TerminalRequestParts, signature: string, publicKey: KeyObject): boolean {
  const bytes = Buffer.from(signature, 'base64');
  if (bytes.length !== 64 || bytes.toString('base64') !== signature) return false;
  return verify(null, Buffer.from(canonicalTerminalRequest(parts), 'utf8'), publicKey, bytes);
}

/** The terminal's public key read from PEM, or why it is not an Ed25519 public key. */
export function terminalPublicKeyOf(pem: string): { key: KeyObject } | { problem: string } {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    return { problem: 'is not a PEM public key (-----BEGIN PUBLIC KEY-----, SPKI)' };
  }
  if (key.asymmetricKeyType !== 'ed25519') return { problem: `is a ${key.asymmetricKeyType ?? 'unknown'} key: an Ed25519 public key is required` };
  return { key };
}

/** The headers a terminal sends with a request signed now, its Idempotency-Key among them when it has one (the CLI's and the tests' client). */
export function terminalRequestHeaders(
  request: Omit<TerminalRequestParts, 'timestamp' | 'nonce'> & { readonly terminalId: string; readonly nonce: string; readonly now: Date },
  privateKeyPem: string | KeyObject,
): Record<string, string> {
  const timestamp = String(Math.floor(request.now.getTime() / 1000));
  const signature = signTerminalRequest({ ...request, timestamp }, privateKeyPem);
  return {
    [TERMINAL_REQUEST_HEADERS.terminalId]: request.terminalId,
    [TERMINAL_REQUEST_HEADERS.timestamp]: timestamp,
    [TERMINAL_REQUEST_HEADERS.nonce]: request.nonce,
    [TERMINAL_REQUEST_HEADERS.signature]: signature,
    ...(request.idempotencyKey !== undefined && { [TERMINAL_IDEMPOTENCY_HEADER]: request.idempotencyKey }),
  };
}
