import type { KeyScheme } from './pin-pad-key';

export type PinPadStatus = 'active' | 'blocked';

/** A registered PIN pad as operators see it (no key material: the registry holds none). */
export interface PinPadView {
  readonly serialNumber: string;
  readonly bdkId: string;
  readonly initialKsn: string;
  readonly keyScheme: KeyScheme;
  readonly terminalId: string;
  readonly shopId: string | null;
  readonly status: PinPadStatus;
  readonly statusReason: string | null;
  /** The highest DUKPT counter accepted; the next read must be above it. */
  readonly lastCounter: number;
  /** How much of the pad's key space is used, 0-100: near 100 the pad needs a new initial key. */
  readonly counterUsedPercent: number;
  readonly lastUsedAt: string | null;
  readonly registeredAt: string;
}

/** What registering (or re-keying) a pad takes. */
export interface PinPadRegistration {
  readonly serialNumber: string;
  readonly bdkId: string;
  /** The KSN loaded with the initial key (counter 0): 20 hex digits (TDES) or 24 (AES). */
  readonly initialKsn: string;
  readonly terminalId: string;
  readonly shopId?: string;
}

/** Why a card block is not taken from a PIN pad, as ISO 8583 field 39 and a reason without card data. */
export interface PinPadRefusal {
  readonly responseCode: string;
  readonly reason: string;
}
