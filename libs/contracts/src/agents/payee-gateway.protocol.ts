import { createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

import { z } from 'zod';

import { currencySchema, uuidSchema } from '../common/fields.schema';

/**
 * The HTTP/JSON protocol between the platform and a payee's gateway (agents billing, issue 10):
 * both sides sign every message with Ed25519 and verify the other's. The platform signs its
 * requests with its key; the payee signs its answers with the key whose public half is in the
 * payee catalogue.
 */
export const PAYEE_GATEWAY_PATHS = {
  accountCheck: '/v1/account-checks',
  payments: '/v1/payments',
  payment: (paymentId: string) => `/v1/payments/${encodeURIComponent(paymentId)}`,
} as const;

export const SIGNATURE_HEADER = 'x-signature';
export const SIGNATURE_TIMESTAMP_HEADER = 'x-signature-timestamp';
/** A request whose timestamp is further than this from the receiver's clock is refused (a replay). */
export const SIGNATURE_MAX_SKEW_MS = 5 * 60_000;

/**
 * What is signed, as UTF-8 text joined by `\n`: the request's method (`POST`, `GET`), or for an
 * answer `HTTP <status>`; the request's path; the timestamp header (ISO 8601); the exact body
 * bytes as sent (empty for a GET).
 */
export interface SignedMessage {
  readonly subject: string;
  readonly path: string;
  readonly timestamp: string;
  readonly body: string;
}

export const canonicalBytesOf = ({ subject, path, timestamp, body }: SignedMessage): Buffer =>
  Buffer.from(`${subject}\n${path}\n${timestamp}\n${body}`, 'utf8');

export const answerSubjectOf = (status: number): string => `HTTP ${status}`;

/** The Ed25519 signature of the message, base64. */
export const signMessage = (privateKey: KeyObject, message: SignedMessage): string => sign(null, canonicalBytesOf(message), privateKey).toString('base64');

/** Whether `signature` (base64) is the key's Ed25519 signature of the message; a missing or malformed one is not. */
export function signatureHolds(publicKey: KeyObject, message: SignedMessage, signature: string | null | undefined): boolean {
  if (!signature) return false;
  try {
    return verify(null, canonicalBytesOf(message), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** An Ed25519 public key from its PEM (SPKI); throws naming what is wrong. */
export function ed25519PublicKeyOf(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`an Ed25519 public key is expected, not ${key.asymmetricKeyType ?? 'an unknown type'}`);
  return key;
}

/** Minor units as decimal text, more than zero. */
const gatewayAmountSchema = z.string().regex(/^[1-9][0-9]{0,18}$/, 'amount in minor units: digits, no sign, no decimals, more than zero');
/** Free text from the payee (a reason, a holder's name): bounded, never trusted as markup. */
const payeeTextSchema = z.string().min(1).max(200);

export const payeeAccountCheckRequestSchema = z.object({
  account: z.string().min(1).max(64),
  amount: gatewayAmountSchema.optional(),
  currency: currencySchema.optional(),
});
export type PayeeAccountCheckRequest = z.infer<typeof payeeAccountCheckRequestSchema>;

/** `exists`: the payee knows the account; `payable`: it may be paid now (else `reason`). */
export const payeeAccountCheckAnswerSchema = z.object({
  exists: z.boolean(),
  payable: z.boolean(),
  holderName: payeeTextSchema.optional(),
  reason: payeeTextSchema.optional(),
});
export type PayeeAccountCheckAnswer = z.infer<typeof payeeAccountCheckAnswerSchema>;

/** A payment, by the platform's payment id: the payee pays an id once, whatever it is sent again. */
export const payeePaymentRequestSchema = z.object({
  paymentId: uuidSchema,
  account: z.string().min(1).max(64),
  amount: gatewayAmountSchema,
  currency: currencySchema,
});
export type PayeePaymentRequest = z.infer<typeof payeePaymentRequestSchema>;

/** The answer to a payment and to a status query (404 with `not_found`: the payee never received it). */
export const payeePaymentAnswerSchema = z.object({
  paymentId: uuidSchema,
  status: z.enum(['paid', 'declined', 'not_found']),
  reason: payeeTextSchema.optional(),
});
export type PayeePaymentAnswer = z.infer<typeof payeePaymentAnswerSchema>;
