import { ApiProperty } from '@nestjs/swagger';

type FileStatus = 'pending' | 'delivered' | 'failed';

/** What any file row knows of its sending, as its delivery state reads. */
interface SentFileState {
  readonly status: FileStatus;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly lastError: string | null;
  readonly written: { readonly byteLength: number; readonly sha256: string } | null;
  readonly destination: string | null;
  readonly deliveredAt: Date | null;
}

/** How a file's delivery went, as the operators' API shows it for every kind of file. */
export class FileDeliveryResponse {
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) status!: FileStatus;
  @ApiProperty({ description: 'deliveries tried, re-sends included' }) attempts!: number;
  @ApiProperty({ nullable: true, type: String, description: 'why the last attempt failed' }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'when a pending file is tried next' })
  nextAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: Number }) byteLength!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'SHA-256 (hex) of the file as sent' }) sha256!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'folder /srv/out' }) destination!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) deliveredAt!: string | null;
}

export function deliveryResponseOf(file: SentFileState): FileDeliveryResponse {
  return {
    status: file.status,
    attempts: file.attempts,
    lastError: file.lastError,
    nextAttemptAt: file.status === 'pending' ? file.nextAttemptAt.toISOString() : null,
    byteLength: file.written?.byteLength ?? null,
    sha256: file.written?.sha256 ?? null,
    destination: file.destination,
    deliveredAt: file.deliveredAt?.toISOString() ?? null,
  };
}
