import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsString, Matches, MaxLength } from 'class-validator';

/** A required `name` of at most 200 characters, not blank; `knownBy` says who knows the thing by it. */
export function DisplayName(example: string, knownBy: string): PropertyDecorator {
  const required = `name is required (the name ${knownBy})`;
  return applyDecorators(
    ApiProperty({ example, maxLength: 200 }),
    MaxLength(200, { message: 'name must be at most 200 characters' }),
    Matches(/\S/, { message: required }),
    IsString({ message: 'name must be a string' }),
    IsDefined({ message: required }),
  );
}
