import { parsePhoneNumber } from 'awesome-phonenumber';

/** A phone number in E.164: `+`, the country code and the national number, no separators. */
export type E164 = string & { readonly __e164: unique symbol };

export type PhoneNumberCheck = { readonly valid: true; readonly e164: E164 } | { readonly valid: false; readonly reason: string };

const INTERNATIONAL = /^(\+|00)[1-9]/;

/**
 * A payer's phone number to its E.164 form by Google's libphonenumber (`awesome-phonenumber`):
 * the number must be written internationally (`+` or `00` and the country code: there is no
 * default country, since a kiosk serves payers from anywhere and a guessed country would open
 * someone else's account) and be a valid number of its country's numbering plan. Separators and a
 * national trunk prefix are dropped by the library, so every way of writing one number
 * (`+44 (0)20 7946 0958`, `0044 20 7946 0958`) gives the same E.164 and the same change account.
 */
export function normalisePhoneNumber(input: string): PhoneNumberCheck {
  if (input.length > 32) return { valid: false, reason: 'is longer than 32 characters' };
  const trimmed = input.trim();
  if (!INTERNATIONAL.test(trimmed)) return { valid: false, reason: 'must be international: + (or 00) and the country code' };
  const parsed = parsePhoneNumber(trimmed.startsWith('00') ? `+${trimmed.slice(2)}` : trimmed);
  if (!parsed.valid) return { valid: false, reason: "is not a valid number of its country's numbering plan" };
  return { valid: true, e164: parsed.number.e164 as E164 };
}

/** The last four digits: the only part of a phone number that logs, events and errors carry. */
export const phoneLast4 = (phone: E164): string => phone.slice(-4);

/** How a phone number appears in messages: `***3456`. */
export const maskedPhone = (phone: E164): string => `***${phoneLast4(phone)}`;
