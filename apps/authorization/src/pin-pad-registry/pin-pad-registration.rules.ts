import { CryptoInputError } from '@payments/crypto';

import { initialKsnOf, type KeyScheme } from './pin-pad-key';
import type { PinPadRegistration } from './pin-pad.model';

const SERIAL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const BDK_ID = /^[A-Za-z0-9._-]{1,64}$/;
const TERMINAL_ID = /^[A-Za-z0-9]{1,8}$/;
const SHOP_ID = /^[A-Za-z0-9._-]{1,64}$/;

export type CheckedRegistration = { ok: true; scheme: KeyScheme; initialKsn: string } | { ok: false; problem: string };

/** The registration's key (scheme, normalized initial KSN), or the first rule it breaks, naming the field. */
export function checkRegistration(registration: PinPadRegistration): CheckedRegistration {
  const problem = fieldProblem(registration);
  if (problem) return { ok: false, problem };
  try {
    const key = initialKsnOf(registration.initialKsn, 'initialKsn');
    if (key.counter !== 0) return { ok: false, problem: `initialKsn: the KSN loaded with the initial key has counter 0, this one has ${key.counter}` };
    return { ok: true, scheme: key.scheme, initialKsn: key.initialKsn };
  } catch (error) {
    if (error instanceof CryptoInputError) return { ok: false, problem: `${error.message} (20 hex digits for TDES DUKPT, 24 for AES DUKPT)` };
    throw error;
  }
}

function fieldProblem(registration: PinPadRegistration): string | undefined {
  if (!SERIAL.test(registration.serialNumber)) return 'serialNumber: 1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit';
  if (!BDK_ID.test(registration.bdkId)) return 'bdkId: 1-64 letters, digits, dots, dashes or underscores';
  if (!TERMINAL_ID.test(registration.terminalId)) return 'terminalId: 1-8 letters or digits';
  if (registration.shopId !== undefined && !SHOP_ID.test(registration.shopId)) return 'shopId: 1-64 letters, digits, dots, dashes or underscores';
  return undefined;
}
