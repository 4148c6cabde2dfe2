import type { Alert, AlertEvent } from '../alert';
import { redactFacts, redactText } from './message-redaction';

/** The webhook's JSON body: the alert as operators see it, its text redacted (no card number, phone number or voucher code). */
export function alertPayload(alert: Alert, event: AlertEvent, deliveryId: string, sentAt: Date) {
  return {
    deliveryId,
    event,
    sentAt: sentAt.toISOString(),
    alert: {
      id: alert.id,
      kind: alert.kind,
      subjectId: redactText(alert.subjectId),
      nodeId: alert.nodeId,
      summary: redactText(alert.summary),
      facts: redactFacts(alert.facts),
      raisedAt: alert.raisedAt.toISOString(),
      lastSeenAt: alert.lastSeenAt.toISOString(),
      timesSeen: alert.timesSeen,
      resolvedAt: alert.resolvedAt?.toISOString() ?? null,
    },
  };
}

/** The email: `[alert] <kind> raised|resolved: <summary>` and a plain-text body with the figures. */
export function alertEmail(alert: Alert, event: AlertEvent, deliveryId: string, sentAt: Date): { subject: string; text: string } {
  const { alert: shown } = alertPayload(alert, event, deliveryId, sentAt);
  const lines = [
    shown.summary,
    '',
    `kind: ${shown.kind}`,
    `subject: ${shown.subjectId}`,
    ...(shown.nodeId ? [`node: ${shown.nodeId}`] : []),
    `raised at: ${shown.raisedAt}`,
    ...(shown.resolvedAt ? [`resolved at: ${shown.resolvedAt}`] : [`seen ${shown.timesSeen} time(s), last at ${shown.lastSeenAt}`]),
    ...Object.entries(shown.facts).map(([name, value]) => `${name}: ${String(value)}`),
    '',
    `alert ${shown.id}, delivery ${deliveryId}`,
  ];
  return { subject: `[alert] ${shown.kind} ${event}: ${shown.summary}`, text: lines.join('\n') + '\n' };
}
