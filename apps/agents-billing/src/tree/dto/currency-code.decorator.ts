import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, Matches } from 'class-validator';

/** An ISO 4217 alphabetic code, required unless `optional` (whether the code exists is checked where it is used). */
export function CurrencyCode(description: string, { optional = false } = {}): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ example: 'EUR', description, required: !optional }),
    Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 alphabetic code such as EUR' }),
    IsString({ message: 'currency must be a string, an ISO 4217 alphabetic code such as EUR' }),
    optional ? IsOptional() : IsDefined({ message: 'currency is required (an ISO 4217 alphabetic code such as EUR)' }),
  );
}
