import { isIP } from 'node:net';

import { PkiInputError } from '../pki-input.error';

const DEVICE_SERIAL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const DNS_NAME = /^(?=.{1,253}$)(\*\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
/** Longest validity the CA signs: a device certificate is renewed, never issued for life. */
export const MAX_VALID_DAYS = 825;

export function checkDeviceSerial(field: string, value: string): void {
  if (!DEVICE_SERIAL.test(value)) throw new PkiInputError(field, 'must be 1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit');
}

export function checkValidDays(value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > MAX_VALID_DAYS)
    throw new PkiInputError('validDays', `must be a whole number of days from 1 to ${MAX_VALID_DAYS}`);
}

export function checkServerNames(dnsNames: readonly string[], ipAddresses: readonly string[]): void {
  if (dnsNames.length + ipAddresses.length === 0) throw new PkiInputError('dnsNames', 'a server certificate names at least one DNS name or IP address');
  for (const name of dnsNames) if (!DNS_NAME.test(name)) throw new PkiInputError('dnsNames', `"${name}" is not a DNS name`);
  for (const ip of ipAddresses) if (isIP(ip) === 0) throw new PkiInputError('ipAddresses', `"${ip}" is not an IP address`);
}
