import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsInt, IsOptional, Max, Min } from 'class-validator';

/** Amounts stay exact as JSON numbers up to 2^53 − 1; larger ones would be rounded by the parser. */
export const MAX_MINOR_UNITS = Number.MAX_SAFE_INTEGER;

/**
 * An amount in minor units of the node's currency, a JSON integer from `min`. Optional ones may be
 * absent; `nullable` ones may also be null (no such limit).
 */
export function MinorUnits(field: string, options: { min?: number; required?: boolean; nullable?: boolean; description: string }): PropertyDecorator {
  const min = options.min ?? 0;
  return applyDecorators(
    ApiProperty({
      type: 'integer',
      minimum: min,
      maximum: MAX_MINOR_UNITS,
      required: options.required === true,
      nullable: options.nullable,
      description: options.description,
    }),
    Max(MAX_MINOR_UNITS, { message: `${field} must be at most ${MAX_MINOR_UNITS} minor units` }),
    Min(min, { message: `${field} must be at least ${min} minor unit${min === 1 ? '' : 's'}` }),
    IsInt({ message: `${field} must be an integer number of minor units (a JSON number such as 1250)` }),
    options.required ? IsDefined({ message: `${field} is required (an integer number of minor units)` }) : IsOptional(),
  );
}

/** A JSON integer to minor units; null (no limit) and absent (unchanged) pass through. */
export const minorUnitsOf = (value: number | null | undefined): bigint | null | undefined => (typeof value === 'number' ? BigInt(value) : value);
