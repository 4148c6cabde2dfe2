import type { Provider, Type } from '@nestjs/common';

import { AlertRulesController } from './alert-rules.controller';
import { AlertsController } from './alerts.controller';
import { BalanceAlertsWorker } from '../conditions/balance-alerts.worker';
import { NodeFiguresRepository } from '../conditions/node-figures.repository';
import { ALERT_PASS_MS } from '../config/alert-passes';
import { type AlertsEnv, loadAlertsEnv } from '../config/alerts-env';
import { AlertDeliveryRepository } from '../delivery/alert-delivery.repository';
import { ALERT_DELIVERY_SETTINGS, ALERT_SENDERS, AlertDeliveryWorker, DEFAULT_DELIVERY_SETTINGS } from '../delivery/alert-delivery.worker';
import { type AlertSenders, SmtpAlertSender, WebhookAlertSender } from '../delivery/alert-senders';
import { AlertContactRepository } from '../rules/alert-contact.repository';
import { AlertRuleRepository } from '../rules/alert-rule.repository';

/** Each channel's sender as configured; a channel left unconfigured records its deliveries as not deliverable, saying why. */
export function alertSendersOf(config: AlertsEnv): AlertSenders {
  return {
    email: config.AGENTS_BILLING_SMTP_HOST
      ? new SmtpAlertSender({
          host: config.AGENTS_BILLING_SMTP_HOST,
          port: config.AGENTS_BILLING_SMTP_PORT,
          secure: config.AGENTS_BILLING_SMTP_SECURE,
          user: config.AGENTS_BILLING_SMTP_USER,
          password: config.AGENTS_BILLING_SMTP_PASSWORD,
          from: config.AGENTS_BILLING_SMTP_FROM,
        })
      : { unavailable: 'no SMTP server configured (AGENTS_BILLING_SMTP_HOST)' },
    webhook: config.AGENTS_BILLING_ALERT_WEBHOOK_SECRET
      ? new WebhookAlertSender(config.AGENTS_BILLING_ALERT_WEBHOOK_SECRET)
      : { unavailable: 'no webhook signing secret configured (AGENTS_BILLING_ALERT_WEBHOOK_SECRET)' },
  };
}

export const ALERTS_CONTROLLERS: Type[] = [AlertRulesController, AlertsController];

/** The alerts' rules, the balance pass and the delivery worker, configured from `env` (validated here, once). */
export function alertsProviders(env: NodeJS.ProcessEnv): Provider[] {
  const config = loadAlertsEnv(env);
  return [
    AlertRuleRepository,
    AlertContactRepository,
    NodeFiguresRepository,
    AlertDeliveryRepository,
    BalanceAlertsWorker,
    AlertDeliveryWorker,
    { provide: ALERT_SENDERS, useValue: alertSendersOf(config) },
    { provide: ALERT_PASS_MS, useValue: config.AGENTS_BILLING_ALERT_PASS_SECONDS * 1000 },
    {
      provide: ALERT_DELIVERY_SETTINGS,
      useValue: {
        ...DEFAULT_DELIVERY_SETTINGS,
        operators: config.AGENTS_BILLING_ALERT_OPERATOR_EMAILS.map((address) => ({ type: 'email', address })),
        remindAfterMs: config.AGENTS_BILLING_ALERT_REMIND_HOURS === 0 ? null : config.AGENTS_BILLING_ALERT_REMIND_HOURS * 3_600_000,
      },
    },
  ];
}
