import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, Optional, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';

import { accessOfMethod, type Actor, type Area, type AuditSink, permissionName, permits, type SessionStore } from '@payments/identity';

import { DEFAULT_OPERATOR_ACCESS, type OperatorAccessSettings } from './operator-access.settings';
import { OPERATOR_AREA } from './operator-endpoint.decorator';
import { OperatorKeyRing } from './operator-key.ring';
import { actorOf, auditLineOf, cookieOf, OPERATOR_CSRF_HEADER, OPERATOR_SESSION_COOKIE, setActor } from './operator-request';
import { OPERATOR_ACCESS, OPERATOR_AUDIT_SINK, OPERATOR_KEY_RING, OPERATOR_SESSIONS } from './operator.tokens';

const BEARER = /^Bearer\s+(\S+)$/i;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who may call an operators' endpoint: an operator session (the cookie, or its token as
 * `Authorization: Bearer`) or an operator key (acting with OPERATOR_KEY_ROLE). A 401 says what is
 * missing, expired or unknown; a 403 names the permission the role lacks and is audited.
 */
@Injectable()
export class OperatorGuard implements CanActivate {
  private readonly access: OperatorAccessSettings;

  constructor(
    private readonly reflector: Reflector,
    @Inject(OPERATOR_KEY_RING) private readonly keys: OperatorKeyRing,
    @Optional() @Inject(OPERATOR_SESSIONS) private readonly sessions?: SessionStore,
    @Optional() @Inject(OPERATOR_AUDIT_SINK) private readonly audit?: AuditSink,
    @Optional() @Inject(OPERATOR_ACCESS) access?: OperatorAccessSettings,
  ) {
    this.access = access ?? DEFAULT_OPERATOR_ACCESS;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    // What an operator reads is theirs alone: no browser or proxy keeps a copy.
    context.switchToHttp().getResponse<Response>().setHeader('cache-control', 'no-store');
    const actor = actorOf(request) ?? (await this.identify(request));
    setActor(request, actor);
    if (!SAFE_METHODS.has(request.method) && this.byCookie(request) && request.headers[OPERATOR_CSRF_HEADER] === undefined) {
      await this.audit?.record(auditLineOf(request, actor, 'denied', this.access.service, this.access.clock(), { after: { lacking: OPERATOR_CSRF_HEADER } }));
      throw new ForbiddenException(`a call with the session cookie that changes anything needs the ${OPERATOR_CSRF_HEADER} header (the console sends it)`);
    }
    const area = this.reflector.getAllAndOverride<Area | undefined>(OPERATOR_AREA, [context.getHandler(), context.getClass()]);
    if (area === undefined) return true; // any operator: their own session, who they are
    const access = accessOfMethod(request.method);
    if (permits(actor.role, area, access)) return true;
    const permission = permissionName(area, access);
    await this.audit?.record(auditLineOf(request, actor, 'denied', this.access.service, this.access.clock(), { after: { lacking: permission } }));
    throw new ForbiddenException(`the ${actor.role} role lacks the ${permission} permission`);
  }

  /** Authenticated by the session cookie (no Authorization header): the credential a browser sends by itself. */
  private byCookie(request: Request): boolean {
    return BEARER.exec(request.headers.authorization ?? '') === null && cookieOf(request, OPERATOR_SESSION_COOKIE) !== undefined;
  }

  private async identify(request: Request): Promise<Actor> {
    const bearer = BEARER.exec(request.headers.authorization ?? '')?.[1];
    const cookie = cookieOf(request, OPERATOR_SESSION_COOKIE);
    if (bearer === undefined && cookie === undefined) {
      throw new UnauthorizedException(
        `missing operator key or session: send Authorization: Bearer <operator key or session token>, or log in (POST /v1/operator/session) for the ${OPERATOR_SESSION_COOKIE} cookie`,
      );
    }
    if (bearer !== undefined) {
      const keyId = this.keys.idOf(bearer);
      if (keyId !== undefined) return { realm: 'operator', id: keyId, name: keyId, role: this.access.keyRole, kind: 'key' };
    }
    const token = bearer ?? cookie ?? '';
    const found = this.sessions ? await this.sessions.resolve(token, 'operator') : ({ ok: false, reason: 'malformed' } as const);
    if (found.ok) return { realm: 'operator', id: found.session.accountId, name: found.session.username, role: found.session.role, kind: 'session' };
    if (found.reason === 'expired') throw new UnauthorizedException('operator session expired: log in again');
    // Not shaped like a session token: it was meant as a key.
    if (bearer !== undefined && found.reason === 'malformed') throw new UnauthorizedException('unknown operator key');
    throw new UnauthorizedException('unknown operator key or session (ended, or not one this platform issued): log in again');
  }
}
