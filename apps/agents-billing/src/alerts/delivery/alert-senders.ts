import { createHmac } from 'node:crypto';

import { createTransport } from 'nodemailer';

import type { Alert, AlertEvent } from '../alert';
import type { AlertChannel } from '../rules/alert-recipients';
import { alertEmail, alertPayload } from './alert-message';

/** One message of an alert's event to one recipient. */
export interface AlertMessage {
  readonly deliveryId: string;
  readonly recipient: string;
  readonly alert: Alert;
  readonly event: AlertEvent;
  readonly sentAt: Date;
}

/** A channel's sender: resolves when the recipient's side took the message, rejects with why it did not. */
export interface AlertSender {
  send(message: AlertMessage): Promise<void>;
}

/** Each channel's sender, or the reason the channel cannot deliver (recorded on its deliveries). */
export type AlertSenders = Record<AlertChannel, AlertSender | { readonly unavailable: string }>;

export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly user?: string;
  readonly password?: string;
  readonly from: string;
}

/** Email over SMTP (nodemailer): one plain-text message per recipient. */
export class SmtpAlertSender implements AlertSender {
  private readonly transport;

  constructor(private readonly smtp: SmtpSettings) {
    this.transport = createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
  }

  async send(message: AlertMessage): Promise<void> {
    const { subject, text } = alertEmail(message.alert, message.event, message.deliveryId, message.sentAt);
    await this.transport.sendMail({ from: this.smtp.from, to: message.recipient, subject, text, headers: { 'X-Alert-Delivery': message.deliveryId } });
  }
}

/** fetch says only "fetch failed": the reason (refused, DNS, TLS) is its cause; a timeout is the error itself. */
function reasonOf(error: unknown): string {
  const { cause, message } = (error ?? {}) as { cause?: { message?: unknown; code?: unknown }; message?: unknown };
  if (typeof cause?.message === 'string' && cause.message !== '') return cause.message;
  if (typeof cause?.code === 'string') return cause.code;
  return typeof message === 'string' ? message : String(error);
}

/** The signature header's value: `sha256=` and the hex HMAC-SHA256 of the raw body under the secret. */
export const webhookSignature = (secret: string, body: string): string => `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;

/** HTTP POST of the alert as JSON, signed in X-Alert-Signature; any 2xx is delivered, anything else (a redirect too) is an attempt failed. */
export class WebhookAlertSender implements AlertSender {
  constructor(
    private readonly secret: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(message: AlertMessage): Promise<void> {
    const body = JSON.stringify(alertPayload(message.alert, message.event, message.deliveryId, message.sentAt));
    const response = await fetch(message.recipient, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-alert-signature': webhookSignature(this.secret, body),
        'x-alert-delivery': message.deliveryId,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(this.timeoutMs),
    }).catch((error: unknown) => {
      throw new Error(`webhook not reached: ${reasonOf(error)}`);
    });
    await response.body?.cancel();
    if (response.status < 200 || response.status > 299) throw new Error(`webhook answered HTTP ${response.status}`);
  }
}
