import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches } from 'class-validator';

import { ACQUIRER_ID, ACQUIRER_ID_MESSAGE } from '../../business-day/acquirer-id';

/** The acquirer in the path of an upload route. */
export class AcquirerFileUploadParamsDto {
  @ApiProperty({ example: 'acq-cz', description: 'the acquirer whose file this is; the file header must name the same one' })
  @Matches(ACQUIRER_ID, { message: ACQUIRER_ID_MESSAGE })
  acquirerId!: string;
}

/** The query of an upload route: the file's name, kept with the import, and (reports only) whether it replaces the day's report. */
export class AcquirerFileUploadQueryDto {
  @ApiProperty({ required: false, example: 'SR_acq-cz_20261201_0001.csv', description: 'the name the acquirer gave the file, kept with the import' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,128}$/, { message: 'fileName must be 1-128 letters, digits, dots, dashes or underscores' })
  fileName?: string;

  @ApiProperty({ required: false, default: false, description: "settlement reports: replace the day's report already reconciled from another file" })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'replace must be true or false' })
  replace?: boolean;
}
