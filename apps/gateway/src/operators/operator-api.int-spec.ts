import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

import { Controller, Get, INestApplication, Module, Post } from '@nestjs/common';

import { RedisCache } from '@payments/cache';
import { hashPassword, type Role, TotpVerifier } from '@payments/identity';
import { InMemoryMessageBus } from '@payments/messaging';
import { openScratchSchema, type ScratchSchema } from '@payments/persistence/testing';
import { InProcessRpc } from '@payments/rpc';
import {
  createNestApp,
  DatabaseFactory,
  DEFAULT_OPERATOR_ACCESS,
  hashOperatorKey,
  OPERATOR_CSRF_HEADER,
  OperatorEndpoint,
  OperatorKeyRing,
  OperatorListener,
  PlatformModule,
} from '@payments/runtime';

import { GATEWAY_SQL } from '../database/gateway-db.provider';
import { AccountRepository } from './account.repository';
import { AuditLogController } from './audit-log.controller';
import { OperatorAccountsController } from './operator-accounts.controller';
import { OperatorAccountsService } from './operator-accounts.service';
import { OperatorAuditConsumer } from './operator-audit.consumer';
import { operatorIdentityProviders } from './operator-identity.providers';
import { OperatorSessionController } from './operator-session.controller';

jest.setTimeout(60_000);

const MIGRATIONS = join(__dirname, '..', '..', 'prisma', 'migrations');
const OPERATOR_KEY = 'operator-key-of-the-identity-spec';
const PASSWORD = 'a password long enough';
const COOKIE = 'payments_operator_session';

/** Another service's operator routes (settlement's, say): their audit lines reach the gateway over the bus. */
@OperatorEndpoint('settlement')
@Controller('v1/settlement/batches')
class FakeSettlementController {
  @Get()
  list(): { items: string[] } {
    return { items: ['b1'] };
  }

  @Post()
  close(): { closed: boolean } {
    return { closed: true };
  }
}

@Module({ controllers: [FakeSettlementController] })
class FakeSettlementModule {}

const silent = { log: () => undefined, error: () => undefined, warn: () => undefined };

/**
 * The operator API as the gateway serves it on the operator listener, with the platform's guard:
 * real PostgreSQL (the gateway's migrations in a scratch schema) and real Redis for sessions,
 * TOTP replay and login locks; the clock is injected to expire sessions.
 */
describe('operator accounts, sessions and audit (PostgreSQL, Redis)', () => {
  let scratch: ScratchSchema;
  let cache: RedisCache;
  let app: INestApplication;
  let registerUrl: string;
  let operatorUrl: string;
  let now = Date.now();
  const clock = () => now;
  const run = randomUUID().slice(0, 8);
  const accounts: Partial<Record<Role, { id: string; username: string; secret: string }>> = {};
  let totp: TotpVerifier;

  beforeAll(async () => {
    scratch = await openScratchSchema('postgres', { appSchema: 'gateway', migrationsDir: MIGRATIONS });
    cache = new RedisCache({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });
    totp = new TotpVerifier(cache, clock);
    const repository = new AccountRepository(scratch.db.connection);
    for (const role of ['admin', 'support', 'risk', 'finance', 'auditor'] as const) {
      const secret = TotpVerifier.newSecret();
      const username = `${role}-${run}`;
      const created = await repository.create({
        realm: 'operator',
        username,
        displayName: `The ${role}`,
        role,
        passwordHash: await hashPassword(PASSWORD, { N: 1024, r: 8, p: 1 }),
        totpSecret: secret,
      });
      accounts[role] = { id: created!.id, username, secret };
    }

    const listener = new OperatorListener();
    const access = { ...DEFAULT_OPERATOR_ACCESS, service: 'spec', clock, lock: { maxFailures: 3, lockMs: 60_000 } };
    @Module({
      controllers: [OperatorSessionController, OperatorAccountsController, AuditLogController],
      providers: [{ provide: GATEWAY_SQL, useValue: scratch.db.connection }, ...operatorIdentityProviders, OperatorAccountsService, OperatorAuditConsumer],
    })
    class OperatorsSpecModule {}
    app = await createNestApp(
      {
        module: class HostModule {},
        imports: [
          PlatformModule.forRoot({
            bus: new InMemoryMessageBus(),
            rpc: new InProcessRpc(),
            cache,
            databases: new DatabaseFactory({ mode: { kind: 'pglite' }, migrateOnOpen: false }),
            operator: { keys: OperatorKeyRing.fromConfig(hashOperatorKey(OPERATOR_KEY), undefined), listener, access },
          }),
          OperatorsSpecModule,
          FakeSettlementModule,
        ],
      },
      { title: 'spec', logger: silent, openApi: true, operatorListener: listener },
    );
    await app.init();
    await listener.open(app, 0, '127.0.0.1');
    await app.listen(0, '127.0.0.1');
    registerUrl = `http://127.0.0.1:${((app.getHttpServer() as Server).address() as AddressInfo).port}`;
    operatorUrl = `http://127.0.0.1:${String(listener.port)}`;
  });

  afterAll(async () => {
    await app?.close();
    await scratch?.close();
  });

  interface AuditLineView {
    seq: number;
    actorId: string;
    actorName: string;
    role: string | null;
    action: string;
    resource: string;
    outcome: string;
    after: Record<string, unknown> | null;
    before: Record<string, unknown> | null;
  }
  /** The fields of the answers this spec reads (each answer has some of them). */
  interface Body {
    message?: unknown;
    token?: string;
    operator?: { id: string };
    totp?: { secret: string; uri: string };
    items?: AuditLineView[];
    paths?: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  }
  interface Answer {
    status: number;
    body: Body;
    setCookie: string | null;
  }

  const call = async (
    method: string,
    path: string,
    options: { token?: string; cookie?: string; body?: unknown; base?: string; headers?: Record<string, string> } = {},
  ): Promise<Answer> => {
    const headers: Record<string, string> = { 'user-agent': 'identity-spec', ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.cookie) headers.cookie = `${COOKIE}=${options.cookie}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${options.base ?? operatorUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Body, setCookie: response.headers.get('set-cookie') };
  };

  /** The next step's code (each login a step later, so no code is refused as replayed). */
  const nextCode = (role: Role) => {
    now += 30_000;
    return totp.codeNow(accounts[role]!.secret);
  };
  const login = async (role: Role): Promise<string> => {
    const answer = await call('POST', '/v1/operator/session', { body: { username: accounts[role]!.username, password: PASSWORD, totp: nextCode(role) } });
    expect(answer.status).toBe(200);
    return answer.body.token!;
  };
  /** Other services' lines arrive over the bus: polls until `found` holds for the lines read (2 s at most). */
  const auditLinesOnceThere = async (query: string, found: (lines: AuditLineView[]) => boolean): Promise<AuditLineView[]> => {
    for (let waited = 0; ; waited += 20) {
      const lines = await auditLines(query);
      if (found(lines) || waited >= 2_000) return lines;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  /** The audit lines, newest first, read as the operator key (an admin). */
  const auditLines = async (query = ''): Promise<AuditLineView[]> =>
    (await call('GET', `/v1/operator/audit?limit=500${query}`, { token: OPERATOR_KEY })).body.items!;

  it('logs in with password and TOTP: an HttpOnly, SameSite=Strict cookie and the same token as a bearer', async () => {
    const answer = await call('POST', '/v1/operator/session', {
      body: { username: accounts.support!.username, password: PASSWORD, totp: nextCode('support') },
    });

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ operator: { username: accounts.support!.username, role: 'support' }, idleTimeoutSeconds: 900 });
    expect(answer.setCookie).toContain(`${COOKIE}=${answer.body.token}`);
    expect(answer.setCookie).toMatch(/HttpOnly/);
    expect(answer.setCookie).toMatch(/SameSite=Strict/);
    expect(answer.setCookie).not.toMatch(/Secure/);
    const me = await call('GET', '/v1/operator/me', { cookie: answer.body.token });
    expect(me).toMatchObject({
      status: 200,
      body: { kind: 'session', role: 'support', permissions: ['journal:read', 'terminals:read', 'reversals:read', 'reversals:write'] },
    });
    expect((await call('GET', '/v1/operator/me', { token: answer.body.token })).status).toBe(200);
    expect((await auditLines(`&actorId=${accounts.support!.id}&action=login`))[0]).toMatchObject({
      outcome: 'allowed',
      ip: expect.any(String),
      userAgent: 'identity-spec',
    });
  });

  it('answers one 401 for a wrong password, a wrong TOTP and a replayed TOTP, auditing which it was', async () => {
    const { username, id } = accounts.risk!;
    const code = nextCode('risk');
    const wrongCode = code === '000000' ? '000001' : '000000';

    const answers = [
      await call('POST', '/v1/operator/session', { body: { username, password: 'not the password at all', totp: code } }),
      await call('POST', '/v1/operator/session', { body: { username, password: PASSWORD, totp: wrongCode } }),
      await call('POST', '/v1/operator/session', { body: { username, password: PASSWORD, totp: code } }),
      await call('POST', '/v1/operator/session', { body: { username, password: PASSWORD, totp: code } }),
    ];

    expect(answers.map((a) => a.status)).toEqual([401, 401, 200, 401]);
    // A form of another site (urlencoded, no preflight) cannot log the browser into any account.
    const form = await fetch(`${operatorUrl}/v1/operator/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password: PASSWORD, totp: '000000' }).toString(),
    });
    expect(form.status).toBe(415);
    expect(form.headers.get('set-cookie')).toBeNull();

    for (const refused of [answers[0], answers[1], answers[3]]) {
      expect(refused.body.message).toBe('login refused: the username, password or TOTP code does not match an active account');
    }
    const lines = await auditLines(`&actorId=${id}&action=login`);
    expect(lines.map((l) => [l.outcome, l.after?.reason ?? null])).toEqual([
      ['failed', 'wrong_totp'],
      ['allowed', null],
      ['failed', 'wrong_totp'],
      ['failed', 'wrong_password'],
    ]);
  });

  it('locks an account after 3 failed logins in a row; an admin unblock lifts it', async () => {
    const { username, id } = accounts.finance!;
    for (let i = 0; i < 3; i += 1) await call('POST', '/v1/operator/session', { body: { username, password: 'not the password at all', totp: '123456' } });

    const locked = await call('POST', '/v1/operator/session', { body: { username, password: PASSWORD, totp: nextCode('finance') } });
    expect(locked.status).toBe(401);
    expect((await auditLines(`&actorId=${id}&action=login`))[0].after).toEqual({ reason: 'locked', lockedNow: false });

    expect((await call('POST', `/v1/operator/operators/${id}/unblock`, { token: OPERATOR_KEY })).status).toBe(200);
    await login('finance');
  });

  it('gives each role a 403 naming the permission it lacks, and writes an audit line for it', async () => {
    const attempts: [Role, string, string, string][] = [
      ['support', 'POST', '/v1/settlement/batches', 'settlement:write'],
      ['risk', 'GET', '/v1/settlement/batches', 'settlement:read'],
      ['finance', 'GET', '/v1/operator/audit', 'audit:read'],
      ['auditor', 'POST', '/v1/settlement/batches', 'settlement:write'],
      ['auditor', 'POST', '/v1/operator/operators', 'operators:write'],
      ['support', 'GET', '/v1/operator/operators', 'operators:read'],
    ];
    for (const [role, method, path, permission] of attempts) {
      const token = await login(role);
      const answer = await call(method, path, { token, body: method === 'POST' ? {} : undefined });
      expect([role, answer.status, answer.body.message]).toEqual([role, 403, `the ${role} role lacks the ${permission} permission`]);
    }

    const denied = await auditLinesOnceThere('&outcome=denied', (lines) => lines.length >= attempts.length);
    for (const [role, method, path, permission] of attempts) {
      expect(denied).toContainEqual(
        expect.objectContaining({ actorId: accounts[role]!.id, role, action: `${method} ${path}`, after: { lacking: permission }, service: 'spec' }),
      );
    }
    expect((await call('GET', '/v1/operator/audit/verify', { token: await login('auditor') })).body).toMatchObject({ intact: true });
  });

  it('audits what a role may change, from another service over the bus, and not its reads', async () => {
    const token = await login('finance');
    expect((await call('GET', '/v1/settlement/batches', { token })).status).toBe(200);
    expect((await call('POST', '/v1/settlement/batches', { token })).status).toBe(201);

    const lines = await auditLinesOnceThere(`&actorId=${accounts.finance!.id}&action=/v1/settlement/batches`, (found) => found.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await auditLines(`&actorId=${accounts.finance!.id}&action=/v1/settlement/batches`)).toHaveLength(1);
    expect(lines).toEqual([
      expect.objectContaining({ action: 'POST /v1/settlement/batches', outcome: 'allowed', role: 'finance', userAgent: 'identity-spec' }),
    ]);
  });

  it('lets an admin create an operator (TOTP secret shown once), change their role, block them and reset their TOTP, each audited with before and after', async () => {
    const admin = await login('admin');
    const username = `night-duty-${run}`;
    const short = await call('POST', '/v1/operator/operators', {
      token: admin,
      body: { username, displayName: 'Night duty', role: 'support', password: 'too-short' },
    });
    expect(short).toMatchObject({ status: 400, body: { message: ['the password must have at least 12 characters'] } });

    const created = await call('POST', '/v1/operator/operators', {
      token: admin,
      body: { username, displayName: 'Night duty', role: 'support', password: PASSWORD },
    });
    expect(created.status).toBe(201);
    expect(created.body.totp!.uri).toContain(`otpauth://totp/Payments%20operators:${username}?secret=${created.body.totp!.secret}`);
    const id = created.body.operator!.id;
    expect(
      (await call('POST', '/v1/operator/operators', { token: admin, body: { username, displayName: 'x', role: 'risk', password: PASSWORD } })).status,
    ).toBe(409);
    expect(JSON.stringify((await call('GET', '/v1/operator/operators', { token: admin })).body)).not.toContain(created.body.totp!.secret);

    now += 30_000;
    const theirs = await call('POST', '/v1/operator/session', { body: { username, password: PASSWORD, totp: totp.codeNow(created.body.totp!.secret) } });
    expect(theirs.status).toBe(200);
    expect((await call('PUT', `/v1/operator/operators/${id}/role`, { token: admin, body: { role: 'risk' } })).body).toMatchObject({ role: 'risk' });
    expect((await call('GET', '/v1/operator/me', { token: theirs.body.token })).status).toBe(401);

    expect((await call('POST', `/v1/operator/operators/${id}/block`, { token: admin })).body).toMatchObject({ status: 'blocked' });
    now += 30_000;
    expect((await call('POST', '/v1/operator/session', { body: { username, password: PASSWORD, totp: totp.codeNow(created.body.totp!.secret) } })).status).toBe(
      401,
    );
    const reset = await call('POST', `/v1/operator/operators/${id}/totp`, { token: admin });
    expect(reset.body.totp!.secret).not.toBe(created.body.totp!.secret);

    const lines = await auditLines(`&action=/v1/operator/operators`);
    const about = lines
      .filter((l) => l.resource === `operator:${id}`)
      .map((l) => [l.action.replace(id, ':id'), l.before?.role ?? null, l.after!.role, l.after!.status]);
    expect(about).toEqual([
      ['POST /v1/operator/operators/:id/totp', 'risk', 'risk', 'blocked'],
      ['POST /v1/operator/operators/:id/block', 'risk', 'risk', 'blocked'],
      ['PUT /v1/operator/operators/:id/role', 'support', 'risk', 'active'],
      ['POST /v1/operator/operators', null, 'support', 'active'],
    ]);
    expect(JSON.stringify(lines)).not.toContain(created.body.totp!.secret);
    expect(JSON.stringify(lines)).not.toContain(PASSWORD);
  });

  it('ends a session idle for 15 minutes, and at logout; says which in the 401', async () => {
    const token = await login('auditor');
    now += 14 * 60_000;
    expect((await call('GET', '/v1/operator/me', { token })).status).toBe(200);
    now += 15 * 60_000;
    expect(await call('GET', '/v1/operator/me', { token })).toMatchObject({ status: 401, body: { message: 'operator session expired: log in again' } });

    const other = await login('auditor');
    // With the cookie alone, a call that changes anything needs the console's header (anti-CSRF).
    expect(await call('DELETE', '/v1/operator/session', { cookie: other })).toMatchObject({
      status: 403,
      body: { message: expect.stringContaining(`needs the ${OPERATOR_CSRF_HEADER} header`) },
    });
    expect((await call('GET', '/v1/operator/me', { cookie: other })).status).toBe(200);
    const out = await call('DELETE', '/v1/operator/session', { cookie: other, headers: { [OPERATOR_CSRF_HEADER]: '1' } });
    expect(out.status).toBe(204);
    expect(out.setCookie).toMatch(new RegExp(`${COOKIE}=;`));
    expect((await call('GET', '/v1/operator/me', { cookie: other })).status).toBe(401);
  });

  it('refuses a forged session cookie and a missing one, saying what is wrong', async () => {
    const forged = 'A'.repeat(43);
    expect(await call('GET', '/v1/operator/me', { cookie: forged })).toMatchObject({
      status: 401,
      body: { message: 'unknown operator key or session (ended, or not one this platform issued): log in again' },
    });
    expect(await call('GET', '/v1/operator/me', { cookie: 'x.y.z' })).toMatchObject({ status: 401 });
    expect((await call('GET', '/v1/operator/me')).body.message).toMatch(/^missing operator key or session/);
  });

  it('serves nothing of the operator API on the register port, not even to the operator key', async () => {
    expect((await call('GET', '/v1/operator/audit', { token: OPERATOR_KEY, base: registerUrl })).status).toBe(404);
    expect((await call('POST', '/v1/operator/session', { body: {}, base: registerUrl })).status).toBe(404);
    expect((await call('GET', '/v1/settlement/batches', { token: OPERATOR_KEY, base: registerUrl })).status).toBe(404);
  });

  it('audits an operator key as a key identity with the admin role, and keeps the chain intact', async () => {
    expect((await call('POST', '/v1/settlement/batches', { token: OPERATOR_KEY })).status).toBe(201);
    const keyId = `key:${hashOperatorKey(OPERATOR_KEY).slice(0, 12)}`;
    expect((await auditLinesOnceThere(`&actorId=${keyId}&action=/v1/settlement`, (found) => found.length > 0))[0]).toMatchObject({
      actorName: keyId,
      role: 'admin',
      outcome: 'allowed',
    });
    expect((await call('GET', '/v1/operator/audit/verify', { token: OPERATOR_KEY })).body).toMatchObject({ intact: true, checked: expect.any(Number) });
  });

  it('documents the operator API on the operator port with its error responses', async () => {
    const doc = (await call('GET', '/docs-json')).body;
    expect(Object.keys(doc.paths!)).toEqual(
      expect.arrayContaining(['/v1/operator/session', '/v1/operator/me', '/v1/operator/operators', '/v1/operator/audit/verify']),
    );
    expect(Object.keys(doc.paths!['/v1/operator/session'].post.responses)).toEqual(expect.arrayContaining(['200', '400', '401']));
    expect(Object.keys(doc.paths!['/v1/operator/operators'].post.responses)).toEqual(expect.arrayContaining(['401', '403', '409']));
    expect(Object.keys((await call('GET', '/docs-json', { base: registerUrl })).body.paths!)).not.toContain('/v1/operator/session');
  });
});
