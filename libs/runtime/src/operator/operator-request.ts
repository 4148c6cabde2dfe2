import { randomUUID } from 'node:crypto';

import type { Request } from 'express';

import { type Actor, type AuditLine, type AuditOutcome, withoutCardData } from '@payments/identity';

/** The session cookie (HttpOnly, SameSite=Strict, Secure in production). */
export const OPERATOR_SESSION_COOKIE = 'payments_operator_session';

/**
 * The header a call authenticated by the session cookie must carry when it changes anything (not
 * GET, HEAD or OPTIONS): another site's page can make the browser send the cookie, never a custom
 * header (that needs a CORS preflight nobody answers). Bearer calls do not need it.
 */
export const OPERATOR_CSRF_HEADER = 'x-operator-request';

/** What a handler adds to its audit line: the resource it changed, and its state before and after. */
export interface AuditDetail {
  readonly resource?: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

interface OperatorRequest extends Request {
  operatorActor?: Actor;
  operatorAudit?: AuditDetail;
}

/** The operator the guard let in (undefined on routes without the guard). */
export const actorOf = (request: Request): Actor | undefined => (request as OperatorRequest).operatorActor;

export const setActor = (request: Request, actor: Actor): void => {
  (request as OperatorRequest).operatorActor = actor;
};

/** Called by a handler: its audit line names this resource and keeps this before and after. */
export const setAuditDetail = (request: Request, detail: AuditDetail): void => {
  (request as OperatorRequest).operatorAudit = detail;
};

/** A cookie's value from the Cookie header (no parser middleware needed for one cookie). */
export function cookieOf(request: Request, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return undefined;
}

/** The audit line of this request: who, what, on what, from where, and what the handler added. */
export function auditLineOf(
  request: Request,
  actor: Pick<Actor, 'realm' | 'id' | 'name'> & { role: string | null },
  outcome: AuditOutcome,
  service: string,
  now: number,
  overrides: Partial<Pick<AuditLine, 'action' | 'resource' | 'before' | 'after'>> = {},
): AuditLine {
  const detail = (request as OperatorRequest).operatorAudit ?? {};
  const path = request.originalUrl.split('?')[0];
  return {
    id: randomUUID(),
    at: new Date(now).toISOString(),
    realm: actor.realm,
    actorId: actor.id,
    actorName: actor.name,
    role: actor.role,
    action: overrides.action ?? `${request.method} ${path}`.slice(0, 300),
    resource: (overrides.resource ?? detail.resource ?? path).slice(0, 500),
    outcome,
    service,
    ip: request.ip ?? request.socket.remoteAddress ?? null,
    userAgent: request.headers['user-agent']?.slice(0, 500) ?? null,
    before: withoutCardData(overrides.before ?? detail.before ?? null),
    after: withoutCardData(overrides.after ?? detail.after ?? null),
  };
}
