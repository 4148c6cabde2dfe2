import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsOptional, Length, Matches, ValidateIf } from 'class-validator';

import { STATEMENT_FORMATS, type StatementFormat } from '@payments/bank-statements';

/** No control characters: a name or reason is shown to operators and stored as given. */
const PRINTABLE = /^[^\p{Cc}]+$/u;

export class ImportStatementQueryDto {
  @ApiProperty({ enum: STATEMENT_FORMATS, example: 'camt053', description: 'how to read the file: camt053 (.001.02 to .001.08), camt054 or mt940' })
  @IsIn(STATEMENT_FORMATS, { message: `format must be one of ${STATEMENT_FORMATS.join(', ')}` })
  @IsDefined({ message: `format is required (${STATEMENT_FORMATS.join(', ')})` })
  format!: StatementFormat;

  @ApiProperty({ required: false, example: 'camt053_2026-12-06.xml', description: "the file's name, kept with the import" })
  @IsOptional()
  @Length(1, 255, { message: 'fileName must be 1-255 characters' })
  @Matches(PRINTABLE, { message: 'fileName must not contain control characters' })
  fileName?: string;

  @ApiProperty({ required: false, default: false, description: "import even though the account's sequence numbers have a gap (gapReason required)" })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'allowGap must be true or false' })
  allowGap?: boolean;

  @ApiProperty({
    required: false,
    example: 'statements 119-120 were never sent: bank ticket 4711',
    description: 'why the gap is allowed; stored with the import',
  })
  @ValidateIf((dto: ImportStatementQueryDto) => dto.allowGap === true || dto.gapReason !== undefined)
  @IsDefined({ message: 'gapReason is required with allowGap=true' })
  @Length(3, 500, { message: 'gapReason must be 3-500 characters' })
  @Matches(PRINTABLE, { message: 'gapReason must not contain control characters' })
  gapReason?: string;
}
