import { parseTrack2 } from '@payments/card';
import { decryptPinBlockFormat0, hexToBytes, TEST_ZONE_PIN_KEY } from '@payments/crypto';
import { type Iso8583Message, ZONE_PIN_FORMAT0_SECURITY_CONTROL } from '@payments/iso8583';

import type { Behaviour, BehaviourRule } from './acquirer-host.behaviour';

/** The PIN every card has unless setPin says otherwise. */
export const DEFAULT_TEST_PIN = '1234';
/** Wrong PINs in a row after which the host answers 75 (allowable PIN tries exceeded). */
export const PIN_TRY_LIMIT = 3;

const decline = (responseCode: string): Behaviour => ({ kind: 'decline', responseCode });

/** The PAN of a request: DE 2, else the track 2 in DE 35. */
function panOf(request: Iso8583Message): string | undefined {
  if (request.fields[2]) return request.fields[2];
  const track2 = request.fields[35];
  if (!track2) return undefined;
  try {
    return parseTrack2(track2).pan;
  } catch {
    return undefined;
  }
}

/**
 * The issuer's PIN check, as the simulator plays it: DE 52 is a format 0 block under the zone PIN
 * key shared with the acquirer (DE 53 must say so), bound to the PAN of DE 2 or DE 35. A wrong PIN
 * is declined 55 and counted per PAN; after PIN_TRY_LIMIT wrong PINs every request with a PIN for
 * that PAN is declined 75 until reset. A right PIN clears the count and lets the next rules decide.
 */
export class PinVerifier {
  private readonly zonePinKey: Buffer;
  private readonly pins = new Map<string, string>();
  private readonly wrongTries = new Map<string, number>();

  constructor(zonePinKeyHex: string = TEST_ZONE_PIN_KEY) {
    this.zonePinKey = hexToBytes(zonePinKeyHex, 'zonePinKey', 16);
  }

  setPin(pan: string, pin: string): void {
    this.pins.set(pan, pin);
  }

  /** Forgets the wrong tries and the PINs set. */
  reset(): void {
    this.pins.clear();
    this.wrongTries.clear();
  }

  /** The rule for 01xx/02xx requests carrying DE 52; others pass through. */
  readonly rule: BehaviourRule = (request) => {
    const pinBlock = request.fields[52];
    if (pinBlock === undefined || !/^0[12]0[02]$/.test(request.mti)) return undefined;
    if (request.fields[53] !== ZONE_PIN_FORMAT0_SECURITY_CONTROL) return decline('30');
    const pan = panOf(request);
    if (!pan) return decline('30');
    if ((this.wrongTries.get(pan) ?? 0) >= PIN_TRY_LIMIT) return decline('75');
    let pin: string;
    try {
      pin = decryptPinBlockFormat0(this.zonePinKey, hexToBytes(pinBlock, 'pinBlock'), pan);
    } catch {
      return decline('81'); // cryptographic error in PIN: not the zone key, or not this PAN
    }
    if (pin === (this.pins.get(pan) ?? DEFAULT_TEST_PIN)) {
      this.wrongTries.delete(pan);
      return undefined;
    }
    this.wrongTries.set(pan, (this.wrongTries.get(pan) ?? 0) + 1);
    return decline('55');
  };
}
