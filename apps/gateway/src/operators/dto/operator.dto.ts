import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

import { IsIsoInstant } from '@payments/runtime';

import { ROLES, USERNAME_PATTERN } from '@payments/identity';

export class LoginDto {
  @ApiProperty({ example: 'admin' }) @IsString() @MinLength(1) @MaxLength(64) username!: string;
  @ApiProperty({ format: 'password' }) @IsString() @MinLength(1) @MaxLength(256) password!: string;
  @ApiProperty({ description: 'the 6-digit code of the authenticator app', example: '123456' }) @IsString() @MaxLength(16) totp!: string;
}

export class CreateOperatorDto {
  @ApiProperty({ example: 'night-duty', description: 'lower-case letters, digits, . _ -; 3 to 64' })
  @Matches(USERNAME_PATTERN, { message: 'username must be 3-64 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit' })
  username!: string;
  @ApiProperty({ example: 'Night duty engineer' }) @IsString() @MinLength(1) @MaxLength(200) displayName!: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` }) role!: (typeof ROLES)[number];
  @ApiProperty({ format: 'password', minLength: 12 }) @IsString() @MaxLength(256) password!: string;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` }) role!: (typeof ROLES)[number];
}

const OUTCOMES = ['allowed', 'denied', 'failed'] as const;

export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'an account id, or key:<hash id> for an operator key' }) @IsOptional() @IsString() @MaxLength(200) actorId?: string;
  @ApiPropertyOptional({ description: 'part of the action, e.g. "POST /v1/operator/operators" or "login"' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  action?: string;
  @ApiPropertyOptional({ enum: OUTCOMES })
  @IsOptional()
  @IsIn(OUTCOMES, { message: `outcome must be one of ${OUTCOMES.join(', ')}` })
  outcome?: (typeof OUTCOMES)[number];
  @ApiPropertyOptional({ description: 'at or after (ISO 8601)' }) @IsOptional() @IsIsoInstant() from?: string;
  @ApiPropertyOptional({ description: 'before (ISO 8601)' }) @IsOptional() @IsIsoInstant() to?: string;
  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500, { message: 'limit must not exceed 500' })
  limit?: number;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^[1-9][0-9]{0,17}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
}
