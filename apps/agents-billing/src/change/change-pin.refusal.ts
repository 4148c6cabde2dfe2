import { CHANGE_PIN_LOCK_MINUTES, CHANGE_PIN_MAX_WRONG } from './change-pins';

export type PinRefusal = { readonly kind: 'pin_required' } | { readonly kind: 'pin_wrong' } | { readonly kind: 'locked'; readonly until: Date };

/** A refused PIN as the APIs answer it: the field `pin` and why, never the PIN itself. */
export function pinRefusalOf(refusal: PinRefusal): { status: 400 | 422; reason: string; message: string; until?: string } {
  switch (refusal.kind) {
    case 'pin_required':
      return { status: 400, reason: 'pin_required', message: "pin: required: the payer's change PIN, 4-6 digits (the first keep sets it)" };
    case 'pin_wrong':
      return {
        status: 422,
        reason: 'change_pin_wrong',
        message: `pin: not this phone's change PIN (${CHANGE_PIN_MAX_WRONG} wrong in a row lock it for ${CHANGE_PIN_LOCK_MINUTES} minutes); nothing is done`,
      };
    case 'locked':
      return {
        status: 422,
        reason: 'change_locked',
        message: `pin: ${CHANGE_PIN_MAX_WRONG} wrong PINs in a row: this phone's change is locked until ${refusal.until.toISOString()}`,
        until: refusal.until.toISOString(),
      };
  }
}
