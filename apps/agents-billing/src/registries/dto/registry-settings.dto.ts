import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

import { RegistryDay } from './registry-day.decorator';

/** Folder segments of letters, digits, dots, dashes and underscores, none starting with a dot: never out of the destination's root. */
export const REGISTRY_FOLDER = /^([A-Za-z0-9_-][A-Za-z0-9._-]*)(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$|^$/;

/** A payee's registry settings, set whole. */
export class RegistrySettingsDto {
  @ApiProperty({
    description:
      'the file layout of the registry: a file-layout definition (JSON, CSV or fixed-width) or the name of a shipped one (payee-registry-csv, payee-registry-fixed)',
    oneOf: [{ type: 'object' }, { type: 'string', enum: ['payee-registry-csv', 'payee-registry-fixed'] }],
  })
  @IsDefined({ message: 'layout is required (a layout definition, or payee-registry-csv or payee-registry-fixed)' })
  layout!: unknown;

  @ApiProperty({ required: false, default: '', example: 'mobile-topup/in', description: "the payee's folder under the registries' destination" })
  @IsOptional()
  @IsString({ message: 'folder must be a string' })
  @MaxLength(200, { message: 'folder must be at most 200 characters' })
  @Matches(REGISTRY_FOLDER, { message: 'folder must be segments of letters, digits, dots, dashes or underscores joined by /, none starting with a dot' })
  folder?: string;

  @ApiProperty({ example: '02:00', description: "the time of day (UTC) after which the previous day's registry is made" })
  @IsDefined({ message: 'dueAfter is required (HH:MM, UTC)' })
  @Matches(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { message: 'dueAfter must be a time HH:MM (UTC)' })
  dueAfter!: string;

  @RegistryDay('fromDay', 'the first day the worker makes a registry for (default: kept, or today when new)', { optional: true })
  fromDay?: string;
}

export class MakeRegistryDto {
  @RegistryDay('day', 'the UTC day whose posted payments the registry lists; it must be over')
  day!: string;
}

export class RegistriesQueryDto {
  @RegistryDay('from', 'the registries of this day and later', { optional: true })
  from?: string;
}
