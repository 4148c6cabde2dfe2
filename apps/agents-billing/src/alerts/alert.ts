/** What an alert is about; each kind has its own subject (a node, a payee, a registry, a voucher stock). */
export const ALERT_KINDS = ['low-balance', 'limit-nearly-used', 'payee-gateway-down', 'registry-not-delivered', 'voucher-stock-low'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** A condition one part of the service noticed. */
export interface AlertCondition {
  readonly kind: AlertKind;
  /** What it is about: a node id, a payee id, `payee/day` of a registry, `provider/denomination` of a stock. */
  readonly subjectId: string;
  /** The dealer or agent concerned, when there is one (its dealer is told too); none = operators only. */
  readonly nodeId?: string;
  /** One line an operator reads, naming the subject and the figure (never a voucher code or a card number). */
  readonly summary: string;
  /** The figures behind it, for rules and messages: amounts as decimal strings in minor units. */
  readonly facts?: Readonly<Record<string, string | number | boolean>>;
}

export interface Alert extends Required<Omit<AlertCondition, 'nodeId'>> {
  readonly id: string;
  readonly nodeId: string | null;
  readonly raisedAt: Date;
  readonly lastSeenAt: Date;
  /** How many times the condition was raised while this alert was open. */
  readonly timesSeen: number;
  readonly resolvedAt: Date | null;
}

/** A message is sent when an alert opens (raised), once more if it is still open after the reminder period, and when it is resolved. */
export const ALERT_EVENTS = ['raised', 'reminder', 'resolved'] as const;
export type AlertEvent = (typeof ALERT_EVENTS)[number];
