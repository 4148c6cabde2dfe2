import { randomBytes } from 'node:crypto';

import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';

import { hashPassword, TotpVerifier } from '@payments/identity';

import { GATEWAY_ENV, GatewayEnv } from '../config/gateway-env';
import { AccountRepository } from './account.repository';

/** What the host prints once: the seeded admin's credentials. */
export interface SeededOperatorAdmin {
  readonly username: string;
  readonly password: string;
  readonly totpSecret: string;
  readonly totpUri: string;
}

/** The embedded mode's first admin (GATEWAY_SEED_OPERATOR_ADMIN=true), when no active admin exists; never in production. */
@Injectable()
export class OperatorAdminSeeder implements OnApplicationBootstrap {
  /** Set when this boot created the admin. */
  seeded?: SeededOperatorAdmin;

  constructor(
    private readonly accounts: AccountRepository,
    private readonly totp: TotpVerifier,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.env.GATEWAY_SEED_OPERATOR_ADMIN || this.env.NODE_ENV === 'production') return;
    if ((await this.accounts.countActive('operator', 'admin')) > 0) return;
    const password = randomBytes(18).toString('base64url');
    const totpSecret = TotpVerifier.newSecret();
    const username = (await this.accounts.findByUsername('operator', 'admin')) ? `admin-${randomBytes(3).toString('hex')}` : 'admin';
    await this.accounts.create({
      realm: 'operator',
      username,
      displayName: 'First admin',
      role: 'admin',
      passwordHash: await hashPassword(password),
      totpSecret,
    });
    this.seeded = { username, password, totpSecret, totpUri: this.totp.uri(username, totpSecret) };
  }
}
