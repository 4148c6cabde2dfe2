import { ConflictException, Inject, Injectable, NotFoundException, UnprocessableEntityException, BadRequestException } from '@nestjs/common';

import {
  type Account,
  type Actor,
  assertPasswordRule,
  hashPassword,
  LoginThrottle,
  PasswordRuleError,
  type Role,
  type SessionStore,
  TotpVerifier,
} from '@payments/identity';
import { OPERATOR_SESSIONS } from '@payments/runtime';

import { AccountRepository } from './account.repository';

/** An account as the API shows it: never its password hash or TOTP secret. */
export interface OperatorView {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly status: Account['status'];
}

export const operatorViewOf = (account: Account): OperatorView => ({
  id: account.id,
  username: account.username,
  displayName: account.displayName,
  role: account.role,
  status: account.status,
});

/** A TOTP secret and its otpauth URI: shown once, at creation or reset. */
export interface TotpEnrolment {
  readonly secret: string;
  readonly uri: string;
}

export interface Change<T> {
  readonly before: T | null;
  readonly after: T;
}

/**
 * What an admin does to operator accounts. A change of role, a block or a TOTP reset ends the
 * account's sessions at once; the last active admin can be neither demoted nor blocked.
 */
@Injectable()
export class OperatorAccountsService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly totp: TotpVerifier,
    private readonly throttle: LoginThrottle,
    @Inject(OPERATOR_SESSIONS) private readonly sessions: SessionStore,
  ) {}

  async list(): Promise<OperatorView[]> {
    return (await this.accounts.list('operator')).map(operatorViewOf);
  }

  async create(input: { username: string; displayName: string; role: Role; password: string }): Promise<Change<OperatorView> & { totp: TotpEnrolment }> {
    try {
      assertPasswordRule(input.password);
    } catch (error) {
      if (error instanceof PasswordRuleError) throw new BadRequestException([error.message]);
      throw error;
    }
    const secret = TotpVerifier.newSecret();
    const created = await this.accounts.create({
      realm: 'operator',
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      totpSecret: secret,
    });
    if (!created) throw new ConflictException(`an operator named ${input.username} exists already`);
    return { before: null, after: operatorViewOf(created), totp: { secret, uri: this.totp.uri(created.username, secret) } };
  }

  async changeRole(id: string, role: Role): Promise<Change<OperatorView>> {
    const before = await this.find(id);
    if (before.role === 'admin' && role !== 'admin') await this.keepAnAdmin(before);
    const after = await this.update(id, { role });
    if (before.role !== role) await this.sessions.closeAllOf('operator', id);
    return { before: operatorViewOf(before), after: operatorViewOf(after) };
  }

  async block(id: string, by: Actor): Promise<Change<OperatorView>> {
    const before = await this.find(id);
    if (by.kind === 'session' && by.id === id) throw new UnprocessableEntityException('an operator cannot block their own account');
    if (before.role === 'admin') await this.keepAnAdmin(before);
    const after = await this.update(id, { status: 'blocked' });
    await this.sessions.closeAllOf('operator', id);
    return { before: operatorViewOf(before), after: operatorViewOf(after) };
  }

  async unblock(id: string): Promise<Change<OperatorView>> {
    const before = await this.find(id);
    const after = await this.update(id, { status: 'active' });
    await this.throttle.unlock('operator', after.username);
    return { before: operatorViewOf(before), after: operatorViewOf(after) };
  }

  async resetTotp(id: string): Promise<Change<OperatorView> & { totp: TotpEnrolment }> {
    const before = await this.find(id);
    const secret = TotpVerifier.newSecret();
    const after = await this.update(id, { totpSecret: secret });
    await this.sessions.closeAllOf('operator', id);
    return { before: operatorViewOf(before), after: operatorViewOf(after), totp: { secret, uri: this.totp.uri(after.username, secret) } };
  }

  private async find(id: string): Promise<Account> {
    const account = await this.accounts.findById('operator', id);
    if (!account) throw new NotFoundException(`no operator ${id}`);
    return account;
  }

  private async update(id: string, change: Parameters<AccountRepository['update']>[2]): Promise<Account> {
    const account = await this.accounts.update('operator', id, change);
    if (!account) throw new NotFoundException(`no operator ${id}`);
    return account;
  }

  private async keepAnAdmin(admin: Account): Promise<void> {
    if (admin.status === 'active' && (await this.accounts.countActive('operator', 'admin')) <= 1) {
      throw new UnprocessableEntityException('the last active admin cannot be demoted or blocked: make another admin first');
    }
  }
}
