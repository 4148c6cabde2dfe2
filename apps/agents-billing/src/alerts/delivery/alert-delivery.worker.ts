import { Inject, Injectable, Optional } from '@nestjs/common';

import { ScheduledPass } from '@payments/runtime';

import type { Alert } from '../alert';
import { AlertSignals } from '../alert-signals';
import { NodeFiguresRepository } from '../conditions/node-figures.repository';
import { ALERT_PASS_MS, DEFAULT_ALERT_PASS_MS } from '../config/alert-passes';
import { AlertContactRepository } from '../rules/alert-contact.repository';
import { addressesOf } from '../rules/alert-recipients';
import { type AlertRecipient, applicableRule } from '../rules/alert-rule';
import { AlertRuleRepository } from '../rules/alert-rule.repository';
import { retryDelayMs } from './alert-delivery';
import { AlertDeliveryRepository, type PlannedAddress } from './alert-delivery.repository';
import type { AlertSenders } from './alert-senders';

export const ALERT_SENDERS = Symbol('AlertSenders');
export const ALERT_DELIVERY_SETTINGS = Symbol('AlertDeliverySettings');

export interface AlertDeliverySettings {
  /** The default rules' operators (AGENTS_BILLING_ALERT_OPERATOR_EMAILS). */
  readonly operators: readonly AlertRecipient[];
  /** The first retry's wait; each next one doubles it (at most an hour). */
  readonly retryBaseMs: number;
  /** Attempts before a delivery is given up as failed. */
  readonly maxAttempts: number;
  /** How long a worker holds a delivery it took; one that stopped mid-send leaves it to another after this. */
  readonly leaseMs: number;
  /** An alert still open this long after it was raised is told once more (a reminder); null: never. */
  readonly remindAfterMs: number | null;
}

export const DEFAULT_DELIVERY_SETTINGS: Omit<AlertDeliverySettings, 'operators'> = {
  retryBaseMs: 30_000,
  maxAttempts: 10,
  leaseMs: 60_000,
  remindAfterMs: 24 * 3_600_000,
};

const BATCH = 50;
/** The least gap between two passes: a full batch, or a retry falling due, brings the next one this soon. */
const MIN_GAP_MS = 1_000;

/**
 * Tells each recipient of an alert once per event: plans one delivery per address the applicable
 * rule names when an alert opens (and when it is resolved), then sends the due ones by email or
 * webhook, retrying with a doubling backoff. Plans are unique per (alert, channel, recipient,
 * event) and deliveries are taken under a lease with SKIP LOCKED, so two workers or a restart send
 * an opening once (a process stopped between the send and its record sends it again: at least once).
 */
@Injectable()
export class AlertDeliveryWorker extends ScheduledPass {
  constructor(
    private readonly alerts: AlertSignals,
    private readonly rules: AlertRuleRepository,
    private readonly contacts: AlertContactRepository,
    private readonly figures: NodeFiguresRepository,
    private readonly deliveries: AlertDeliveryRepository,
    @Inject(ALERT_SENDERS) private readonly senders: AlertSenders,
    @Inject(ALERT_DELIVERY_SETTINGS) private readonly settings: AlertDeliverySettings,
    @Optional() @Inject(ALERT_PASS_MS) passMs: number = DEFAULT_ALERT_PASS_MS,
  ) {
    super({ name: 'alert delivery', minGapMs: MIN_GAP_MS, maxGapMs: passMs });
  }

  /** One pass: plan what opened or resolved, then send what is due; resolves to when the next pass is due. */
  protected async pass(now: Date): Promise<Date | undefined> {
    const planned = await this.plan(now);
    const claimed = await this.deliveries.claim(now, this.settings.leaseMs, BATCH);
    for (const delivery of claimed) await this.send(delivery, now);
    return planned === BATCH || claimed.length === BATCH ? now : await this.deliveries.nextDue();
  }

  /** Plans the deliveries of up to a batch of alerts that opened or were resolved; returns how many. */
  private async plan(now: Date): Promise<number> {
    const remindAfter = this.settings.remindAfterMs;
    const unplanned = await this.alerts.unplanned(BATCH, remindAfter === null ? undefined : new Date(now.getTime() - remindAfter));
    if (unplanned.length === 0) return 0;
    const rules = await this.rules.all();
    const paths = await this.figures.paths(unplanned.flatMap(({ alert }) => (alert.nodeId ? [alert.nodeId] : [])));
    const contacts = await this.contacts.of([...paths.values()].map((path) => path[0]));
    for (const { alert, event } of unplanned) {
      const path = alert.nodeId ? (paths.get(alert.nodeId) ?? []) : [];
      const rule = applicableRule(alert.kind, path, rules, this.settings.operators);
      const addresses = addressesOf(rule.recipients, path.length > 0 ? contacts.get(path[0]) : undefined).map((address): PlannedAddress => {
        const sender = this.senders[address.channel];
        return 'unavailable' in sender ? { ...address, undeliverable: sender.unavailable } : address;
      });
      await this.deliveries.plan(alert.id, event, addresses, now);
      await this.alerts.markPlanned(alert.id, event, now);
    }
    return unplanned.length;
  }

  private async send(delivery: Awaited<ReturnType<AlertDeliveryRepository['claim']>>[number], now: Date): Promise<void> {
    const sender = this.senders[delivery.channel];
    const alert: Alert | undefined = await this.alerts.find(delivery.alertId);
    if (!alert || 'unavailable' in sender) {
      await this.deliveries.attemptFailed(delivery.id, 'unavailable' in sender ? sender.unavailable : 'the alert is gone', null);
      return;
    }
    try {
      await sender.send({ deliveryId: delivery.id, recipient: delivery.recipient, alert, event: delivery.event, sentAt: new Date() });
      await this.deliveries.delivered(delivery.id, now);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const retryAt =
        delivery.attempts >= this.settings.maxAttempts ? null : new Date(now.getTime() + retryDelayMs(delivery.attempts, this.settings.retryBaseMs));
      await this.deliveries.attemptFailed(delivery.id, reason, retryAt);
      this.logger.warn(`alert ${alert.id} ${delivery.event} to ${delivery.channel} ${delivery.id}: attempt ${delivery.attempts} failed (${reason})`);
    }
  }
}
