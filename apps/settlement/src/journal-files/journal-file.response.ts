import { ApiProperty } from '@nestjs/swagger';

import { deliveryResponseOf, FileDeliveryResponse } from '../files/file-delivery.response';
import type { JournalFile } from './journal-file';

/** A day's journal file in one currency as the operators' API shows it (amounts as exact decimal text; an unbalanced day's sums in `lastError`). */
export class JournalFileResponse extends FileDeliveryResponse {
  @ApiProperty({ format: 'uuid' }) fileId!: string;
  @ApiProperty({ example: '2026-12-01', format: 'date' }) businessDay!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: 'JE_PAYGL_20261201_EUR_0001.csv' }) fileName!: string;
  @ApiProperty({ description: 'the journal file sequence number, kept by every re-send' }) sequence!: number;
  @ApiProperty({ type: [String], description: 'the acquirers whose postings it lists' }) acquirers!: string[];
  @ApiProperty({ example: 'journal-entries-csv' }) layout!: string;
  @ApiProperty({ nullable: true, type: Number }) entryCount!: number | null;
  @ApiProperty({ nullable: true, type: String, example: '8850', description: 'total debits, minor units' }) debitMinor!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '8850', description: 'total credits, minor units' }) creditMinor!: string | null;
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
    ...deliveryResponseOf(file),
    entryCount: written?.entryCount ?? null,
    debitMinor: written?.debitMinor.toString() ?? null,
    creditMinor: written?.creditMinor.toString() ?? null,
  };
}
