import { createHash } from 'node:crypto';

/** A register's request as the bridge received it (the same as it would send to the gateway). */
export interface RegisterRequest {
  readonly method: string;
  /** Path and query, e.g. `/v1/purchases` or `/v1/reports/full?batch=2`. */
  readonly url: string;
  readonly authorization?: string;
  readonly idempotencyKey?: string;
  readonly requestId?: string;
  /** The parsed JSON body, undefined without one. */
  readonly body: unknown;
}

export function terminalKeyOf(request: RegisterRequest): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(request.authorization ?? '')?.[1];
}

export function pathOf(request: RegisterRequest): string {
  return request.url.split('?')[0];
}

/** SHA-256 of method, path and the body with its object keys sorted: a retry hashes the same. */
export function requestHashOf(request: RegisterRequest): string {
  return createHash('sha256')
    .update(canonicalJson({ method: request.method, url: request.url, body: request.body ?? null }))
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
