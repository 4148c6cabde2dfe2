import { ConfigError } from '@payments/config';

import type { PinPadRegistration } from './pin-pad.model';
import { checkRegistration } from './pin-pad-registration.rules';

const VARIABLE = 'AUTHORIZATION_PIN_PADS_SEED';

/** `serial:bdkId:initialKsn:terminalId,...` into registrations; a bad entry stops the boot, named. */
export function parsePinPadSeed(value: string): PinPadRegistration[] {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return entries.map((entry, index) => {
    const parts = entry.split(':');
    if (parts.length !== 4) throw new ConfigError([{ variable: `${VARIABLE}[${index}]`, reason: 'expected serial:bdkId:initialKsn:terminalId' }]);
    const [serialNumber, bdkId, initialKsn, terminalId] = parts;
    const registration = { serialNumber, bdkId, initialKsn, terminalId };
    const checked = checkRegistration(registration);
    if (!checked.ok) throw new ConfigError([{ variable: `${VARIABLE}[${index}]`, reason: checked.problem }]);
    return registration;
  });
}
