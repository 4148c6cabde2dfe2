import { z } from 'zod';

import { DEMO_OPERATOR_KEY_HASH } from './operator-key.ring';

/** What every process host reads about operator access (distributed services and the embedded host). */
export const operatorEnvShape = {
  /** SHA-256 hashes (hex, comma-separated) of the operator keys; default: the demo key's, refused in production. */
  OPERATOR_KEY_HASHES: z.string().min(1).default(DEMO_OPERATOR_KEY_HASH),
  NODE_ENV: z.string().optional(),
};
