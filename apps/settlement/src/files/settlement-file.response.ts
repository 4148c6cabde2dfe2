import { ApiProperty } from '@nestjs/swagger';

import { type SettlementFile, type SettlementFileStatus, totalsAsText } from './settlement-file';

/** A batch's file as the operators' API shows it (amounts as exact decimal text). */
export class SettlementFileResponse {
  @ApiProperty({ format: 'uuid' }) fileId!: string;
  @ApiProperty({ format: 'uuid' }) batchId!: string;
  @ApiProperty({ example: 'default' }) acquirerId!: string;
  @ApiProperty({ example: '2026-12-01', format: 'date' }) businessDay!: string;
  @ApiProperty({ example: 'TX_ACQ01_20261201_0001.csv' }) fileName!: string;
  @ApiProperty({ description: "the acquirer's file sequence number, kept by every re-send" }) sequence!: number;
  @ApiProperty({ example: 'acquirer-transactions-csv' }) layout!: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) status!: SettlementFileStatus;
  @ApiProperty({ description: 'deliveries tried, re-sends included' }) attempts!: number;
  @ApiProperty({ nullable: true, type: String, description: 'why the last attempt failed' }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'when a pending file is tried next' })
  nextAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: Number }) byteLength!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'SHA-256 (hex) of the file as sent' }) sha256!: string | null;
  @ApiProperty({ nullable: true, type: Number }) detailCount!: number | null;
  @ApiProperty({ nullable: true, type: Object, example: { amount: '4000' }, description: 'the totalled detail fields, minor units as text' })
  totals!: Record<string, string> | null;
  @ApiProperty({ nullable: true, type: String, example: 'folder /srv/out' }) destination!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) deliveredAt!: string | null;
}

export function fileResponseOf(file: SettlementFile): SettlementFileResponse {
  const { written } = file;
  return {
    fileId: file.id,
    batchId: file.batchId,
    acquirerId: file.acquirerId,
    businessDay: file.businessDay,
    fileName: file.fileName,
    sequence: file.sequence,
    layout: file.layout,
    status: file.status,
    attempts: file.attempts,
    lastError: file.lastError,
    nextAttemptAt: file.status === 'pending' ? file.nextAttemptAt.toISOString() : null,
    byteLength: written?.byteLength ?? null,
    sha256: written?.sha256 ?? null,
    detailCount: written?.detailCount ?? null,
    totals: written ? totalsAsText(written.totals) : null,
    destination: file.destination,
    deliveredAt: file.deliveredAt?.toISOString() ?? null,
  };
}
