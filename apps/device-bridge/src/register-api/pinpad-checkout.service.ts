import { Inject, Injectable } from '@nestjs/common';

import { EntryMode, PinPadClient } from '@payments/pinpad';

import { DEVICE_BRIDGE_ENV, DeviceBridgeEnv } from '../config/device-bridge-env';
import { LaneConfig } from '../lanes/lane-config';

/** What the PIN pad adds to the register's request body: exactly the gateway's `card`, `pin` and `entryMode`. */
export interface PadCardFields {
  readonly card: { readonly bdkId: string; readonly ksn: string; readonly ciphertext: string };
  readonly pin?: { readonly pinBlock: string; readonly format: 0; readonly ksn?: string };
  readonly entryMode: EntryMode;
}

export interface CheckoutRequest {
  readonly amountMinor?: number;
  readonly currency?: string;
  /** The operation may carry a PIN (purchase, cash withdrawal, balance inquiry). */
  readonly pinAllowed: boolean;
}

const ALL_ENTRY_MODES: readonly EntryMode[] = ['chip', 'contactless', 'magstripe'];

/**
 * Drives a lane's PIN pad through a card-present operation: shows the amount, reads the card and,
 * when the lane's PIN policy and the operation call for it, the PIN. Only the pad's encrypted
 * blocks pass through here; the bridge never sees a clear PAN or PIN.
 */
@Injectable()
export class PinPadCheckoutService {
  constructor(@Inject(DEVICE_BRIDGE_ENV) private readonly env: DeviceBridgeEnv) {}

  async collectCard(pad: PinPadClient, lane: LaneConfig, request: CheckoutRequest): Promise<PadCardFields> {
    const total = request.amountMinor !== undefined && request.currency ? `TOTAL ${formatAmount(request.amountMinor, request.currency)}` : 'CARD PLEASE';
    await pad.display([total, 'PRESENT CARD']);
    const read = await pad.readCard(total, ALL_ENTRY_MODES, this.env.DEVICE_BRIDGE_CARD_TIMEOUT_MS);
    const wantsPin = request.pinAllowed && (lane.pin === 'always' || (lane.pin === 'chip' && read.entryMode === 'chip'));
    if (!wantsPin) return { card: read.card, entryMode: read.entryMode };
    const entered = await pad.enterPin({ prompt: 'ENTER PIN', minDigits: 4, maxDigits: 12, timeoutMs: this.env.DEVICE_BRIDGE_PIN_TIMEOUT_MS });
    const pin = { pinBlock: entered.pinBlock, format: 0 as const, ...(entered.ksn === read.card.ksn ? {} : { ksn: entered.ksn }) };
    return { card: read.card, pin, entryMode: read.entryMode };
  }

  /** The outcome on the pad's display, best effort: the register has the answer either way. */
  showOutcome(pad: PinPadClient, status: number, body: string): void {
    void pad.display(outcomeLines(status, body)).catch(() => undefined);
  }
}

function outcomeLines(status: number, body: string): string[] {
  let parsed: { status?: unknown; responseText?: unknown; message?: unknown } = {};
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    // Not JSON: the status says enough.
  }
  const text = typeof parsed.responseText === 'string' ? parsed.responseText : '';
  const lines = (first: string): string[] => [first, text.replace(/[^\x20-\x7E]/g, '?').slice(0, 32)].filter(Boolean);
  if (parsed.status === 'approved') return lines('APPROVED');
  if (parsed.status === 'declined') return lines('DECLINED');
  if (status === 202) return ['PLEASE WAIT', 'CASHIER'];
  return ['NOT COMPLETED', `STATUS ${status}`];
}

/** 1500 EUR minor units -> "15.00 EUR", with the currency's own number of decimals (ISO 4217). */
export function formatAmount(amountMinor: number, currency: string): string {
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // Unknown code: the gateway refuses it; two decimals meanwhile.
  }
  const sign = amountMinor < 0 ? '-' : '';
  const units = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  const major = digits === 0 ? units : `${units.slice(0, -digits)}.${units.slice(-digits)}`;
  return `${sign}${major} ${currency}`;
}
