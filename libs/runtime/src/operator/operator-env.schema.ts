import { z } from 'zod';

import { ROLES } from '@payments/identity';

import { DEMO_OPERATOR_KEY_HASH } from './operator-key.ring';

/** What every process host reads about operator access (distributed services and the embedded host). */
export const operatorEnvShape = {
  /** SHA-256 hashes (hex, comma-separated) of the operator keys; default: the demo key's, refused in production. */
  OPERATOR_KEY_HASHES: z.string().min(1).default(DEMO_OPERATOR_KEY_HASH),
  /** The role an operator key acts with (and is audited with). */
  OPERATOR_KEY_ROLE: z.enum(ROLES).default('admin'),
  /** An operator session unused this long ends. */
  OPERATOR_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** An operator session ends this long after login, used or not. */
  OPERATOR_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(8),
  /** Failed logins in a row that lock an operator account... */
  OPERATOR_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** ...for this long from the first of them. */
  OPERATOR_LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  NODE_ENV: z.string().optional(),
};
