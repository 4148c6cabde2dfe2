/** Where and how the payee's gateway is reached: payments and online checks go there, signed both ways. */
export interface PayeeGatewaySettings {
  /** http(s) URL the protocol's paths are appended to. */
  readonly baseUrl: string;
  /** The payee's Ed25519 public key (PEM, SPKI): every answer must carry its valid signature. */
  readonly publicKey: string;
  /** Each call's deadline: no answer by then is an unknown outcome. */
  readonly deadlineMs: number;
}

export const GATEWAY_DEADLINE_MS = { min: 100, max: 60_000, default: 5_000 } as const;

/**
 * Why a call's outcome is not known: `timeout` (no answer by the deadline), `down` (connection
 * refused or reset, a 5xx), `bad_signature` (an answer whose signature does not verify with the
 * payee's public key: not trusted), `bad_answer` (signed but not the protocol), `no_gateway` (the
 * payee's gateway was removed from the catalogue while a payment to it was open).
 */
export type GatewayUnknownCause = 'timeout' | 'down' | 'bad_signature' | 'bad_answer' | 'no_gateway';

export type GatewayCheckResult =
  | { readonly kind: 'answered'; readonly exists: boolean; readonly payable: boolean; readonly holderName?: string; readonly reason?: string }
  | { readonly kind: 'unknown'; readonly cause: GatewayUnknownCause };

/** A payment's outcome at the payee; `not_found` (status queries only): the payee never received it. */
export type GatewayPaymentResult =
  | { readonly kind: 'paid' }
  | { readonly kind: 'declined'; readonly reason: string }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'unknown'; readonly cause: GatewayUnknownCause };

export interface GatewayPaymentOrder {
  /** The platform's payment id: the payee pays an id once. */
  readonly paymentId: string;
  readonly account: string;
  readonly amount: bigint;
  readonly currency: string;
}

/** A payee's gateway as the service uses it: an online account check, a payment by id, a payment's status. */
export interface PayeeGateway {
  checkAccount(gateway: PayeeGatewaySettings, request: { account: string; amount?: bigint; currency?: string }): Promise<GatewayCheckResult>;
  pay(gateway: PayeeGatewaySettings, order: GatewayPaymentOrder): Promise<GatewayPaymentResult>;
  status(gateway: PayeeGatewaySettings, paymentId: string): Promise<GatewayPaymentResult>;
}

export const PAYEE_GATEWAY = Symbol('PayeeGateway');
