import { randomUUID } from 'node:crypto';

import { TestPinPad } from '@payments/testing';

import { OPERATOR_KEY, TEST_SERVICE_ENV } from './platform-under-test';

export const TERMINAL_KEY = TEST_SERVICE_ENV.GATEWAY_DEMO_TERMINAL_KEY;

export interface HttpResult<T = Record<string, unknown>> {
  status: number;
  body: T;
  text: string;
  headers?: Headers;
}

/** A cash register calling the gateway, with a thin PIN pad that reads and encrypts the card. */
export class RegisterClient {
  readonly pinPad = TestPinPad.withAnsiTestKey();

  constructor(
    private readonly gatewayUrl: string,
    private readonly terminalKey: string = TERMINAL_KEY,
  ) {}

  card(pan = '4242424242424242', expiry = '3012'): { bdkId: string; ksn: string; ciphertext: string } {
    return this.pinPad.readCard({ pan, expiry, serviceCode: '201' });
  }

  /** Any register endpoint: POST with the terminal key and a fresh Idempotency-Key unless told otherwise. */
  post(path: string, body: unknown = {}, options: { key?: string | null; idempotencyKey?: string | null } = {}): Promise<HttpResult> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const key = options.key === undefined ? this.terminalKey : options.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    const idempotencyKey = options.idempotencyKey === undefined ? `e2e-${randomUUID()}` : options.idempotencyKey;
    if (idempotencyKey !== null) headers['idempotency-key'] = idempotencyKey;
    return call(`${this.gatewayUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  }

  get(path: string): Promise<HttpResult> {
    return call(`${this.gatewayUrl}${path}`, { headers: { authorization: `Bearer ${this.terminalKey}` } });
  }

  async purchase(body: unknown, options: { key?: string | null; idempotencyKey?: string | null } = {}): Promise<HttpResult> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const key = options.key === undefined ? TERMINAL_KEY : options.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    const idempotencyKey = options.idempotencyKey === undefined ? `e2e-${randomUUID()}` : options.idempotencyKey;
    if (idempotencyKey !== null) headers['idempotency-key'] = idempotencyKey;
    return call(`${this.gatewayUrl}/v1/purchases`, { method: 'POST', headers, body: JSON.stringify(body) });
  }
}

export async function call<T = Record<string, unknown>>(url: string, init?: RequestInit): Promise<HttpResult<T>> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(20_000) });
  const text = await response.text();
  let body: T;
  try {
    body = JSON.parse(text) as T;
  } catch {
    body = {} as T;
  }
  return { status: response.status, body, text, headers: response.headers };
}

/** An operators' endpoint (journal, settlement totals) with the test platforms' operator key. */
export function operatorCall<T = Record<string, unknown>>(url: string): Promise<HttpResult<T>> {
  return call<T>(url, { headers: { authorization: `Bearer ${OPERATOR_KEY}` } });
}

/** Polls until `check` passes or the time is up (for what arrives through the bus). */
export async function eventually<T>(probe: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!check(last) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    last = await probe();
  }
  return last;
}
