import { z } from 'zod';

import { loadConfig } from '@payments/config';

const emails = z
  .string()
  .default('')
  .transform((text) =>
    text
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  )
  .pipe(z.array(z.email('expected a comma-separated list of email addresses')));

const schema = z.object({
  /** The SMTP server alerts are mailed through; unset: email recipients are recorded as not deliverable (the embedded mode's default). */
  AGENTS_BILLING_SMTP_HOST: z.string().min(1).optional(),
  AGENTS_BILLING_SMTP_PORT: z.coerce.number().int().min(1).max(65_535).default(25),
  /** true: TLS from the first byte (port 465); false: plain, upgraded by STARTTLS when the server offers it. */
  AGENTS_BILLING_SMTP_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  AGENTS_BILLING_SMTP_USER: z.string().min(1).optional(),
  AGENTS_BILLING_SMTP_PASSWORD: z.string().min(1).optional(),
  /** The From: of every alert email. */
  AGENTS_BILLING_SMTP_FROM: z.email('expected an email address').default('alerts@payments.invalid'),
  /** The key of the HMAC-SHA256 every webhook body is signed with (X-Alert-Signature); unset: webhooks are recorded as not deliverable. */
  AGENTS_BILLING_ALERT_WEBHOOK_SECRET: z.string().min(16, 'expected at least 16 characters').optional(),
  /** Seconds between two balance passes, and at most between two looks for new alerts to deliver. */
  AGENTS_BILLING_ALERT_PASS_SECONDS: z.coerce.number().int().min(1).max(3_600).default(30),
  /** Hours after which an alert still open is told once more (a reminder); 0: never. */
  AGENTS_BILLING_ALERT_REMIND_HOURS: z.coerce.number().int().min(0).max(8_760).default(24),
  /** Operators told by the default rules (the kinds no rule covers), besides the node's dealer. */
  AGENTS_BILLING_ALERT_OPERATOR_EMAILS: emails,
});

export type AlertsEnv = z.infer<typeof schema>;

/** Validated once at boot: a bad value stops it, naming the variable. */
export function loadAlertsEnv(env: NodeJS.ProcessEnv): AlertsEnv {
  return loadConfig(schema, env);
}
