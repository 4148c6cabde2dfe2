import { IsIn, IsInt, IsOptional, Min } from 'class-validator';

/** ReportRequest as REST takes it from the path (kind) and the query (batch). */
export class ReportRequestDto {
  @IsIn(['full', 'short'], { message: 'kind must be REPORT_KIND_SHORT or REPORT_KIND_FULL' })
  kind!: 'full' | 'short';

  /** Absent: the open batch. */
  @Min(1, { message: 'batchNumber must be at least 1 (absent: the open batch)' })
  @IsInt({ message: 'batchNumber must be an integer batch number' })
  @IsOptional()
  batchNumber?: number;
}
