import { type Clock, DEFAULT_LOCK_POLICY, DEFAULT_SESSION_POLICY, type LockPolicy, type Role, type SessionPolicy, systemClock } from '@payments/identity';

/** How operators are let in, beside the keys: sessions, the login lock, the keys' role. */
export interface OperatorAccessSettings {
  readonly sessions: SessionPolicy;
  readonly lock: LockPolicy;
  /** The role an operator key acts with. */
  readonly keyRole: Role;
  /** Which service writes the audit lines of this process. */
  readonly service: string;
  /** Session cookies only over HTTPS (NODE_ENV=production). */
  readonly secureCookies: boolean;
  /** Sessions' and TOTP windows' time (tests move it). */
  readonly clock: Clock;
}

export const DEFAULT_OPERATOR_ACCESS: OperatorAccessSettings = {
  sessions: DEFAULT_SESSION_POLICY,
  lock: DEFAULT_LOCK_POLICY,
  keyRole: 'admin',
  service: 'platform',
  secureCookies: false,
  clock: systemClock,
};

/** The settings from operatorEnvShape's variables. */
export function operatorAccessOf(
  config: {
    OPERATOR_KEY_ROLE: Role;
    OPERATOR_SESSION_IDLE_MINUTES: number;
    OPERATOR_SESSION_MAX_HOURS: number;
    OPERATOR_LOGIN_MAX_FAILURES: number;
    OPERATOR_LOGIN_LOCK_MINUTES: number;
    NODE_ENV?: string;
  },
  service: string,
): OperatorAccessSettings {
  return {
    sessions: { idleMs: config.OPERATOR_SESSION_IDLE_MINUTES * 60_000, absoluteMs: config.OPERATOR_SESSION_MAX_HOURS * 3_600_000 },
    lock: { maxFailures: config.OPERATOR_LOGIN_MAX_FAILURES, lockMs: config.OPERATOR_LOGIN_LOCK_MINUTES * 60_000 },
    keyRole: config.OPERATOR_KEY_ROLE,
    service,
    secureCookies: config.NODE_ENV === 'production',
    clock: systemClock,
  };
}
