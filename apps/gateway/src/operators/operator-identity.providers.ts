import type { Provider } from '@nestjs/common';

import type { Cache } from '@payments/cache';
import { Authenticator, LoginThrottle, type SessionStore, TotpVerifier } from '@payments/identity';
import { CACHE, OPERATOR_ACCESS, OPERATOR_AUDIT_SINK, OPERATOR_SESSIONS, type OperatorAccessSettings } from '@payments/runtime';

import { AccountRepository } from './account.repository';
import { AuditLogRepository } from './audit-log.repository';

/** The identity core wired to the platform's cache and the gateway's accounts; the gateway's audit lines go straight to its log. */
export const operatorIdentityProviders: Provider[] = [
  AccountRepository,
  AuditLogRepository,
  { provide: OPERATOR_AUDIT_SINK, useExisting: AuditLogRepository },
  {
    provide: TotpVerifier,
    inject: [CACHE, OPERATOR_ACCESS],
    useFactory: (cache: Cache, access: OperatorAccessSettings) => new TotpVerifier(cache, access.clock, 'Payments operators'),
  },
  {
    provide: LoginThrottle,
    inject: [CACHE, OPERATOR_ACCESS],
    useFactory: (cache: Cache, access: OperatorAccessSettings) => new LoginThrottle(cache, access.lock),
  },
  {
    provide: Authenticator,
    inject: [AccountRepository, TotpVerifier, OPERATOR_SESSIONS, LoginThrottle],
    useFactory: (accounts: AccountRepository, totp: TotpVerifier, sessions: SessionStore, throttle: LoginThrottle) =>
      new Authenticator(accounts, totp, sessions, throttle),
  },
];
