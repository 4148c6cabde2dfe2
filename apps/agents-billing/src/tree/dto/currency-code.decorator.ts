import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsString, Matches } from 'class-validator';

/** A required ISO 4217 alphabetic code (whether the code exists is checked where it is used). */
export function CurrencyCode(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ example: 'EUR', description }),
    Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 alphabetic code such as EUR' }),
    IsString({ message: 'currency must be a string, an ISO 4217 alphabetic code such as EUR' }),
    IsDefined({ message: 'currency is required (an ISO 4217 alphabetic code such as EUR)' }),
  );
}
