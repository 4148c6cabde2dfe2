import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res, UnauthorizedException, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { AREAS, Authenticator, permits, type SessionStore } from '@payments/identity';
import {
  actorOf,
  ApiErrorResponses,
  auditLineOf,
  cookieOf,
  OPERATOR_ACCESS,
  OPERATOR_SESSION_COOKIE,
  OPERATOR_SESSIONS,
  OperatorAccessSettings,
  OperatorEndpoint,
  OperatorListenerOnly,
} from '@payments/runtime';

import { AccountRepository } from './account.repository';
import { AuditLogRepository } from './audit-log.repository';
import { LoginDto } from './dto/operator.dto';

const LOGIN_REFUSED = 'login refused: the username, password or TOTP code does not match an active account';

/** An operator's session: log in with password and TOTP, log out, and who am I. */
@ApiTags('operator session')
@Controller('v1/operator')
export class OperatorSessionController {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly accounts: AccountRepository,
    private readonly audit: AuditLogRepository,
    @Inject(OPERATOR_SESSIONS) private readonly sessions: SessionStore,
    @Inject(OPERATOR_ACCESS) private readonly access: OperatorAccessSettings,
  ) {}

  @Post('session')
  @OperatorListenerOnly()
  @HttpCode(200)
  @ApiOperation({
    summary: `Log in: username, password and TOTP code; sets the ${OPERATOR_SESSION_COOKIE} cookie and returns the same token for Authorization: Bearer`,
  })
  @ApiOkResponse({ description: 'Logged in: the session token (also set as the cookie), when it ends if unused, and who logged in' })
  @ApiErrorResponses(400, 401)
  async login(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<unknown> {
    // The answer carries the session token: never kept by a browser or proxy.
    response.setHeader('cache-control', 'no-store');
    // JSON only: a page of another site can post a form (urlencoded) here and log the operator's
    // browser into an account of its choosing; it cannot send JSON without a CORS preflight.
    if (!request.is('application/json')) throw new UnsupportedMediaTypeException('login takes a JSON body (content-type: application/json)');
    const result = await this.authenticator.login('operator', body.username, body.password, body.totp);
    const now = this.access.clock();
    if (!result.ok) {
      const actor = result.account
        ? { realm: 'operator' as const, id: result.account.id, name: result.account.username, role: result.account.role }
        : { realm: 'operator' as const, id: 'anonymous', name: body.username.trim().toLowerCase().slice(0, 64) || 'anonymous', role: null };
      await this.audit.record(
        auditLineOf(request, actor, 'failed', this.access.service, now, {
          action: 'login',
          resource: 'operator-session',
          after: { reason: result.reason, lockedNow: result.lockedNow },
        }),
      );
      throw new UnauthorizedException(LOGIN_REFUSED);
    }
    const { account, token, expiresAt } = result;
    await this.audit.record(
      auditLineOf(request, { realm: 'operator', id: account.id, name: account.username, role: account.role }, 'allowed', this.access.service, now, {
        action: 'login',
        resource: 'operator-session',
      }),
    );
    response.cookie(OPERATOR_SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.access.secureCookies,
      path: '/',
      maxAge: this.access.sessions.absoluteMs,
    });
    return {
      token,
      idleTimeoutSeconds: this.access.sessions.idleMs / 1000,
      expiresAt: new Date(expiresAt).toISOString(),
      operator: { id: account.id, username: account.username, displayName: account.displayName, role: account.role },
    };
  }

  @Delete('session')
  @OperatorEndpoint()
  @HttpCode(204)
  @ApiOperation({ summary: 'Log out: ends this session (cookie or bearer token) and clears the cookie' })
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    for (const token of [bearer, cookieOf(request, OPERATOR_SESSION_COOKIE)]) if (token) await this.sessions.close(token);
    response.clearCookie(OPERATOR_SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: this.access.secureCookies, path: '/' });
  }

  @Get('me')
  @OperatorEndpoint()
  @ApiOperation({ summary: 'Who this session (or operator key) is, its role and what the role may read and write' })
  async me(@Req() request: Request): Promise<unknown> {
    const actor = actorOf(request);
    if (!actor) throw new UnauthorizedException('no operator');
    const account = actor.kind === 'session' ? await this.accounts.findById('operator', actor.id) : null;
    return {
      id: actor.id,
      kind: actor.kind,
      username: actor.name,
      displayName: account?.displayName ?? null,
      role: actor.role,
      permissions: AREAS.flatMap((area) =>
        (['read', 'write'] as const).filter((access) => permits(actor.role, area, access)).map((access) => `${area}:${access}`),
      ),
    };
  }
}
