import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, Matches, type ValidationArguments, ValidateBy } from 'class-validator';

import { dayStart, utcDayOf } from '../registry';

const DAY = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** A calendar day 'YYYY-MM-DD' that exists (2026-02-30 does not). */
export const isRealDay = (value: unknown): boolean => typeof value === 'string' && DAY.test(value) && utcDayOf(dayStart(value)) === value;

/** A UTC calendar day, named in every refusal. */
export function RegistryDay(field: string, description: string, options: { optional?: boolean } = {}) {
  return applyDecorators(
    ApiProperty({ example: '2026-12-08', format: 'date', required: !options.optional, description }),
    ...(options.optional ? [IsOptional()] : []),
    Matches(DAY, { message: `${field} must be a day YYYY-MM-DD (UTC)` }),
    ValidateBy({
      name: 'isRealDay',
      validator: { validate: isRealDay, defaultMessage: (args?: ValidationArguments) => `${args?.property ?? field} must be a day that exists` },
    }),
  );
}
