import { createHash } from 'node:crypto';

import type { Realm } from './account';

export type AuditOutcome = 'allowed' | 'denied' | 'failed';

/** One operator action as the audit log keeps it: who, what, on what, how it ended, when, from where, before and after. */
export interface AuditLine {
  /** UUID: appending the same line twice (a message delivered again) keeps one. */
  readonly id: string;
  /** ISO 8601 with milliseconds, UTC. */
  readonly at: string;
  readonly realm: Realm;
  /** The account id, `key:<hash id>` for an operator key, or `anonymous` (a login for an unknown name). */
  readonly actorId: string;
  readonly actorName: string;
  /** The role acted with; null when none was established (a failed login). */
  readonly role: string | null;
  /** `POST /v1/operator/operators`, `login`, `logout`... */
  readonly action: string;
  /** What was acted on (a path, `operator:<id>`). */
  readonly resource: string;
  readonly outcome: AuditOutcome;
  /** Which service wrote it. */
  readonly service: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

/** Where audit lines go: the gateway appends them; other services publish them to it. */
export interface AuditSink {
  record(line: AuditLine): Promise<void>;
}

/** A line as stored: its place in the chain and the hash that links it to the line before. */
export interface ChainedAuditLine extends AuditLine {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth: the same text however a database reorders keys (jsonb). */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 (hex) of the previous line's hash and this line's fields, in a fixed order. */
export function chainHash(prevHash: string, line: AuditLine): string {
  const fields = [
    line.id,
    line.at,
    line.realm,
    line.actorId,
    line.actorName,
    line.role,
    line.action,
    line.resource,
    line.outcome,
    line.service,
    line.ip,
    line.userAgent,
    line.before ?? null,
    line.after ?? null,
  ];
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalJson(fields)}`)
    .digest('hex');
}

export type ChainVerdict =
  | { readonly intact: true; readonly checked: number; readonly lastHash: string }
  | { readonly intact: false; readonly checked: number; readonly brokenAt: number; readonly reason: string };

/** Walks lines in order of seq (from the first, or continuing after `start`), recomputing each hash. */
export function verifyChain(
  lines: Iterable<ChainedAuditLine>,
  start: { prevHash: string; checked: number } = { prevHash: GENESIS_HASH, checked: 0 },
): ChainVerdict {
  let { prevHash, checked } = start;
  for (const line of lines) {
    if (line.prevHash !== prevHash) return { intact: false, checked, brokenAt: line.seq, reason: 'its previous hash is not the hash of the line before' };
    if (chainHash(prevHash, line) !== line.hash) return { intact: false, checked, brokenAt: line.seq, reason: 'its content does not match its hash' };
    prevHash = line.hash;
    checked += 1;
  }
  return { intact: true, checked, lastHash: prevHash };
}

const CARD_KEYS = /^(pan|cardnumber|track2|cvv|cvc|cvv2|pin|pinblock|expiry)$/i;
/** 13 to 19 digits, spaces or dashes allowed between them: what could be a card number. */
const PAN_LIKE = /\d(?:[ -]?\d){12,18}/g;

/** before/after as the log may keep them: card fields and anything shaped like a card number replaced. */
export function withoutCardData(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(PAN_LIKE, '[redacted]');
  if (Array.isArray(value)) return value.map(withoutCardData);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, CARD_KEYS.test(k) ? '[redacted]' : withoutCardData(v)]));
  }
  return value;
}
