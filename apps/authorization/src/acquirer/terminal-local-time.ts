import type { Iso8583Message } from '@payments/iso8583';

import { instantOfTransmission, LocalTransactionClock } from '../host-link/transaction-time';

/** Message classes (2nd MTI digit) whose requests carry DE 12/13: authorization, financial, reversal. */
const LOCAL_TIME_CLASSES = new Set(['1', '2', '4']);

/**
 * Stamps DE 12 (local time) and DE 13 (local date) on the requests to one acquirer: the instant of
 * DE 7 in the time zone of the merchant (DE 42) when one is configured for it, else the
 * acquirer's (ISO 8583:1987: local to the card acceptor, DE 7 being UTC). Zones are checked at boot.
 */
export class TerminalLocalTime {
  private readonly acquirer: LocalTransactionClock;
  private readonly merchants: ReadonlyMap<string, LocalTransactionClock>;

  constructor(acquirerTimeZone: string, merchantTimeZones: Readonly<Record<string, string>> = {}) {
    const clocks = new Map<string, LocalTransactionClock>();
    this.acquirer = new LocalTransactionClock(acquirerTimeZone);
    clocks.set(acquirerTimeZone, this.acquirer);
    const merchants = new Map<string, LocalTransactionClock>();
    for (const [merchantId, zone] of Object.entries(merchantTimeZones)) {
      const clock = clocks.get(zone) ?? new LocalTransactionClock(zone);
      clocks.set(zone, clock);
      merchants.set(merchantId.trim(), clock);
    }
    this.merchants = merchants;
  }

  /** The zone DE 12/13 are given in for a merchant (DE 42, trimmed). */
  timeZoneOf(merchantId: string | undefined): string {
    return this.clockOf(merchantId).timeZone;
  }

  /** `request` with DE 12 and 13 set, or unchanged when it is not of a class that carries them or has no valid DE 7. */
  stamp(request: Iso8583Message, now: Date = new Date()): Iso8583Message {
    if (!LOCAL_TIME_CLASSES.has(request.mti[1] ?? '')) return request;
    const field7 = request.fields[7];
    const at = field7 === undefined ? undefined : instantOfTransmission(field7, now);
    if (!at) return request;
    return { ...request, fields: { ...request.fields, ...this.clockOf(request.fields[42]).fields(at) } };
  }

  private clockOf(merchantId: string | undefined): LocalTransactionClock {
    return (merchantId !== undefined && this.merchants.get(merchantId.trim())) || this.acquirer;
  }
}
