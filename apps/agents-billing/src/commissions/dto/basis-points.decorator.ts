import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** An optional percent of the amount in basis points (0 to 10,000 = 100 %), rounded half up where it is applied. */
export const BasisPoints = (field: string): PropertyDecorator =>
  applyDecorators(
    ApiProperty({
      required: false,
      type: 'integer',
      minimum: 0,
      maximum: 10_000,
      description: 'percent of the amount in basis points (150 = 1.5 %), rounded half up',
    }),
    Max(10_000, { message: `${field} must be at most 10000 (100 %)` }),
    Min(0, { message: `${field} must be at least 0` }),
    IsInt({ message: `${field} must be a whole number of basis points (150 = 1.5 %)` }),
    IsOptional(),
  );
