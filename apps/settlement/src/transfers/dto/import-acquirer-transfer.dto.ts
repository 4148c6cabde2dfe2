import { ApiProperty, PickType } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

import { ImportAcquirerReportDto, REPORT_CONTENT_MAX } from '../../reconciliation/dto/import-acquirer-report.dto';

/** The acquirer and the file's name as an acquirer report takes them; the file as text in the JSON body, bounded the same way. */
export class ImportAcquirerTransferDto extends PickType(ImportAcquirerReportDto, ['acquirerId', 'fileName'] as const) {
  @ApiProperty({
    description: 'the transfer file as text, in the acquirer-transfer-file-csv layout (header with the transfer, details, trailer)',
    maxLength: REPORT_CONTENT_MAX,
  })
  @MaxLength(REPORT_CONTENT_MAX, { message: `content must be at most ${REPORT_CONTENT_MAX} characters` })
  @MinLength(1, { message: 'content must be the file as text' })
  @IsString({ message: 'content must be the file as text' })
  content!: string;
}
