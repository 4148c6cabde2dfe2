import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

import { ACQUIRER_ID, ACQUIRER_ID_MESSAGE } from '../../business-day/acquirer-id';

/** What the platform's JSON body parser takes at most (its default, 100 kB): a report of about 700 lines. */
export const REPORT_CONTENT_MAX = 100_000;

export class ImportAcquirerReportDto {
  @ApiProperty({ example: 'acq-cz', description: 'the acquirer whose report this is; the file header must name the same one' })
  @Matches(ACQUIRER_ID, { message: ACQUIRER_ID_MESSAGE })
  acquirerId!: string;

  @ApiProperty({
    description: 'the report file as text, in the acquirer-settlement-report-csv layout (header, details, trailer)',
    maxLength: REPORT_CONTENT_MAX,
  })
  @MaxLength(REPORT_CONTENT_MAX, { message: `content must be at most ${REPORT_CONTENT_MAX} characters` })
  @MinLength(1, { message: 'content must be the file as text' })
  @IsString({ message: 'content must be the file as text' })
  content!: string;

  @ApiProperty({ required: false, example: 'SR_acq-cz_20261201_0001.csv', description: 'the name the acquirer gave the file, kept with the import' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,128}$/, { message: 'fileName must be 1-128 letters, digits, dots, dashes or underscores' })
  fileName?: string;

  @ApiProperty({ required: false, default: false, description: "replace the day's report already reconciled from another file" })
  @IsOptional()
  @IsBoolean({ message: 'replace must be true or false' })
  replace?: boolean;
}
