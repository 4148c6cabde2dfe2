import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, Matches } from 'class-validator';

/** The payer's change PIN, 4-6 digits; a refusal names the field and never echoes the value. */
export const ChangePin = ({ required }: { readonly required: boolean }): PropertyDecorator =>
  applyDecorators(
    ApiProperty({
      required,
      example: '4821',
      description: "the payer's change PIN, 4-6 digits typed by the payer: the first keep sets it; spend, pay-out and the balance need it",
    }),
    IsString({ message: 'pin must be a string of 4-6 digits' }),
    Matches(/^\d{4,6}$/, { message: 'pin must be 4-6 digits' }),
    required ? IsDefined({ message: 'pin is required (the payer types it)' }) : IsOptional(),
  );
