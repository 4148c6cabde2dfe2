import { ApiProperty } from '@nestjs/swagger';

import type { JournalFile, JournalFileStatus } from './journal-file';

/** A day's journal file in one currency as the operators' API shows it (amounts as exact decimal text). */
export class JournalFileResponse {
  @ApiProperty({ format: 'uuid' }) fileId!: string;
  @ApiProperty({ example: '2026-12-01', format: 'date' }) businessDay!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: 'JE_PAYGL_20261201_EUR_0001.csv' }) fileName!: string;
  @ApiProperty({ description: 'the journal file sequence number, kept by every re-send' }) sequence!: number;
  @ApiProperty({ type: [String], description: 'the acquirers whose postings it lists' }) acquirers!: string[];
  @ApiProperty({ example: 'journal-entries-csv' }) layout!: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) status!: JournalFileStatus;
  @ApiProperty({ description: 'deliveries tried, re-sends included' }) attempts!: number;
  @ApiProperty({ nullable: true, type: String, description: 'why the last attempt failed (an unbalanced day names its sums)' })
  lastError!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'when a pending file is tried next' })
  nextAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: Number }) byteLength!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'SHA-256 (hex) of the file as sent' }) sha256!: string | null;
  @ApiProperty({ nullable: true, type: Number }) entryCount!: number | null;
  @ApiProperty({ nullable: true, type: String, example: '8850', description: 'total debits, minor units' }) debitMinor!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '8850', description: 'total credits, minor units' }) creditMinor!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'folder /srv/gl-in' }) destination!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) deliveredAt!: string | null;
}

export function journalFileResponseOf(file: JournalFile): JournalFileResponse {
  const { written } = file;
  return {
    fileId: file.id,
    businessDay: file.businessDay,
    currency: file.currency,
    fileName: file.fileName,
    sequence: file.sequence,
    acquirers: [...file.acquirers],
    layout: file.layout,
    status: file.status,
    attempts: file.attempts,
    lastError: file.lastError,
    nextAttemptAt: file.status === 'pending' ? file.nextAttemptAt.toISOString() : null,
    byteLength: written?.byteLength ?? null,
    sha256: written?.sha256 ?? null,
    entryCount: written?.entryCount ?? null,
    debitMinor: written?.debitMinor.toString() ?? null,
    creditMinor: written?.creditMinor.toString() ?? null,
    destination: file.destination,
    deliveredAt: file.deliveredAt?.toISOString() ?? null,
  };
}
