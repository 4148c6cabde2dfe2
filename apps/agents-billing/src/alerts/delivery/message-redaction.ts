import { isLuhnValid } from '@payments/card';

/** Fact names whose values are never sent: a voucher code, a PIN, a card number, a phone number, a payer's account. */
const SECRET_FACT = /code|pin|pan|card|phone|msisdn|account/i;
/** 13-19 digits with a valid Luhn digit (optionally grouped by spaces or dashes) is taken for a card number. */
const CARD_LIKE = /\b\d(?:[ -]?\d){12,18}\b/g;
/** An international phone number: + then 7-15 digits. */
const PHONE_LIKE = /\+\d{7,15}\b/g;

/** The text with card-like numbers and phone numbers masked to their last four digits. */
export function redactText(text: string): string {
  return text
    .replace(CARD_LIKE, (match) => {
      const digits = match.replace(/\D/g, '');
      return isLuhnValid(digits) ? `****${digits.slice(-4)}` : match;
    })
    .replace(PHONE_LIKE, (match) => `+****${match.slice(-4)}`);
}

/** The facts a message may carry: secret-named facts dropped, text values redacted. */
export function redactFacts(facts: Readonly<Record<string, string | number | boolean>>): Record<string, string | number | boolean> {
  return Object.fromEntries(
    Object.entries(facts)
      .filter(([name]) => !SECRET_FACT.test(name))
      .map(([name, value]) => [name, typeof value === 'string' ? redactText(value) : value]),
  );
}
