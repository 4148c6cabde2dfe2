import { Inject, Injectable, Logger } from '@nestjs/common';
import type { z } from 'zod';

import {
  answerSubjectOf,
  ed25519PublicKeyOf,
  PAYEE_GATEWAY_PATHS,
  payeeAccountCheckAnswerSchema,
  payeePaymentAnswerSchema,
  SIGNATURE_HEADER,
  SIGNATURE_MAX_SKEW_MS,
  SIGNATURE_TIMESTAMP_HEADER,
  signatureHolds,
  signMessage,
} from '@payments/contracts';
import { getOrCreateCounter } from '@payments/observability';

import { payeeTextOf } from './payee-text';
import type { GatewayCheckResult, GatewayPaymentOrder, GatewayPaymentResult, GatewayUnknownCause, PayeeGateway, PayeeGatewaySettings } from './payee-gateway';
import { PLATFORM_SIGNING_KEY, type PlatformSigningKey } from './platform-signing-key';

type Operation = 'check' | 'pay' | 'status';
type Exchange =
  { readonly kind: 'answer'; readonly status: number; readonly json: unknown } | { readonly kind: 'unknown'; readonly cause: GatewayUnknownCause };

const calls = getOrCreateCounter(
  'agents_payee_gateway_calls_total',
  "Calls to payees' gateways by operation and outcome (answered, timeout, down, bad_signature, bad_answer)",
  ['operation', 'outcome'],
);

const payeeText = (text: string | undefined): string | undefined => (text === undefined ? undefined : payeeTextOf(text));

/**
 * The payee gateway over HTTP/JSON (the protocol of `@payments/contracts`): each request signed
 * with the platform's Ed25519 key, each answer's signature verified with the payee's public key
 * before anything in it is believed, each call bounded by the payee's deadline (the body read
 * included). No answer, a refused connection, a 5xx, a bad signature or an answer off the protocol
 * is an unknown outcome, never a decline. The payer's account is sent, never logged.
 */
@Injectable()
export class HttpPayeeGateway implements PayeeGateway {
  private readonly logger = new Logger(HttpPayeeGateway.name);

  constructor(@Inject(PLATFORM_SIGNING_KEY) private readonly key: PlatformSigningKey) {}

  async checkAccount(gateway: PayeeGatewaySettings, request: { account: string; amount?: bigint; currency?: string }): Promise<GatewayCheckResult> {
    const body = { account: request.account, amount: request.amount?.toString(), currency: request.currency };
    const exchange = await this.exchange('check', gateway, 'POST', PAYEE_GATEWAY_PATHS.accountCheck, JSON.stringify(body));
    if (exchange.kind === 'unknown') return exchange;
    const answer = exchange.status === 200 ? this.parsed('check', gateway, payeeAccountCheckAnswerSchema, exchange.json) : undefined;
    if (!answer) return this.offProtocol('check', gateway, exchange.status);
    const { exists, payable } = answer;
    const holderName = payeeText(answer.holderName);
    const reason = payeeText(answer.reason);
    return { kind: 'answered', exists, payable, ...(holderName ? { holderName } : {}), ...(reason ? { reason } : {}) };
  }

  async pay(gateway: PayeeGatewaySettings, order: GatewayPaymentOrder): Promise<GatewayPaymentResult> {
    const body = { paymentId: order.paymentId, account: order.account, amount: order.amount.toString(), currency: order.currency };
    return this.paymentResult('pay', gateway, await this.exchange('pay', gateway, 'POST', PAYEE_GATEWAY_PATHS.payments, JSON.stringify(body)), order.paymentId);
  }

  async status(gateway: PayeeGatewaySettings, paymentId: string): Promise<GatewayPaymentResult> {
    return this.paymentResult('status', gateway, await this.exchange('status', gateway, 'GET', PAYEE_GATEWAY_PATHS.payment(paymentId), ''), paymentId);
  }

  private paymentResult(operation: Operation, gateway: PayeeGatewaySettings, exchange: Exchange, paymentId: string): GatewayPaymentResult {
    if (exchange.kind === 'unknown') return exchange;
    const answer = exchange.status === 200 || exchange.status === 404 ? this.parsed(operation, gateway, payeePaymentAnswerSchema, exchange.json) : undefined;
    // An answer about another payment, or "not found" to a payment just sent, is not the protocol.
    const fits =
      answer &&
      answer.paymentId === paymentId &&
      (answer.status === 'not_found') === (exchange.status === 404) &&
      (operation === 'status' || answer.status !== 'not_found');
    if (!answer || !fits) return this.offProtocol(operation, gateway, exchange.status);
    if (answer.status === 'paid') return { kind: 'paid' };
    if (answer.status === 'not_found') return { kind: 'not_found' };
    return { kind: 'declined', reason: payeeText(answer.reason) ?? 'declined by the payee (no reason given)' };
  }

  private parsed<S extends z.ZodTypeAny>(operation: Operation, gateway: PayeeGatewaySettings, schema: S, json: unknown): z.infer<S> | undefined {
    const result = schema.safeParse(json);
    if (result.success) return result.data;
    this.logger.warn(`payee gateway ${gateway.baseUrl} answered ${operation} off the protocol: ${result.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    return undefined;
  }

  private offProtocol(operation: Operation, gateway: PayeeGatewaySettings, status: number): { kind: 'unknown'; cause: 'bad_answer' } {
    calls.inc({ operation, outcome: 'bad_answer' });
    this.logger.warn(`payee gateway ${gateway.baseUrl} answered ${operation} with HTTP ${status}, not the protocol: the outcome is unknown`);
    return { kind: 'unknown', cause: 'bad_answer' };
  }

  private untrusted(operation: Operation, gateway: PayeeGatewaySettings, what: string): { kind: 'unknown'; cause: 'bad_signature' } {
    calls.inc({ operation, outcome: 'bad_signature' });
    this.logger.warn(`payee gateway ${gateway.baseUrl} answered ${what}: not trusted`);
    return { kind: 'unknown', cause: 'bad_signature' };
  }

  private async exchange(operation: Operation, gateway: PayeeGatewaySettings, method: 'GET' | 'POST', path: string, body: string): Promise<Exchange> {
    const url = new URL(`${gateway.baseUrl.replace(/\/+$/, '')}${path}`);
    const timestamp = new Date().toISOString();
    const signature = signMessage(this.key.privateKey, { subject: method, path: url.pathname, timestamp, body });
    let status: number;
    let text: string;
    let headers: Headers;
    try {
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', [SIGNATURE_TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signature },
        ...(method === 'POST' ? { body } : {}),
        signal: AbortSignal.timeout(gateway.deadlineMs),
        // Never followed: a redirect would carry the payer's account and the signature elsewhere (an internal address).
        redirect: 'manual',
      });
      status = response.status;
      headers = response.headers;
      text = await response.text();
    } catch (error) {
      // The deadline's abort is a DOMException (not always an Error of this realm): its name tells.
      const name = (error as { name?: unknown } | undefined)?.name;
      const cause = name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'down';
      calls.inc({ operation, outcome: cause });
      return { kind: 'unknown', cause };
    }
    if (status >= 500) {
      calls.inc({ operation, outcome: 'down' });
      return { kind: 'unknown', cause: 'down' };
    }
    if (status >= 300 && status < 400) return this.offProtocol(operation, gateway, status);
    const answered = { subject: answerSubjectOf(status), path: url.pathname, timestamp: headers.get(SIGNATURE_TIMESTAMP_HEADER) ?? '', body: text };
    if (!signatureHolds(ed25519PublicKeyOf(gateway.publicKey), answered, headers.get(SIGNATURE_HEADER))) {
      return this.untrusted(operation, gateway, `${method} ${url.pathname} (HTTP ${status}) with a missing or bad signature`);
    }
    // A signed answer replayed from another time is not this call's answer.
    if (!(Math.abs(Date.now() - Date.parse(answered.timestamp)) <= SIGNATURE_MAX_SKEW_MS)) {
      return this.untrusted(operation, gateway, `${method} ${url.pathname} (HTTP ${status}) signed at ${answered.timestamp}, beyond the allowed skew`);
    }
    calls.inc({ operation, outcome: 'answered' });
    try {
      return { kind: 'answer', status, json: JSON.parse(text) as unknown };
    } catch {
      return this.offProtocol(operation, gateway, status);
    }
  }
}
