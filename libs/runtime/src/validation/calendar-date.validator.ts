import { buildMessage, isISO8601, ValidateBy, ValidationOptions } from 'class-validator';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day that exists on the calendar, YYYY-MM-DD: 2024-02-29 is one, 2026-02-30 and 0000-00-00 are not. */
export function isCalendarDate(value: unknown): value is string {
  const match = typeof value === 'string' ? DAY.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (year < 1) return false;
  const date = new Date(0);
  // setUTCFullYear (unlike Date.UTC, which reads 0001 as 1901) rolls 2026-02-30 over to March 2; a real day reads back as itself.
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * An ISO 8601 date or date-time whose day exists and that PostgreSQL can store (years 1-9999):
 * `2026-11-30`, `2026-11-30T12:00:00Z`. Anything else would reach the database as an Invalid Date.
 */
export function isIsoInstant(value: unknown): value is string {
  if (typeof value !== 'string' || !isISO8601(value, { strict: true, strictSeparator: true })) return false;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return false;
  const year = new Date(time).getUTCFullYear();
  return year >= 1 && year <= 9999;
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: isCalendarDate,
        defaultMessage: buildMessage((each) => `${each}$property must be a calendar date YYYY-MM-DD that exists`, options),
      },
    },
    options,
  );
}

export function IsIsoInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoInstant',
      validator: {
        validate: isIsoInstant,
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an ISO 8601 date or date-time that exists, such as 2026-11-30 or 2026-11-30T12:00:00Z`,
          options,
        ),
      },
    },
    options,
  );
}
