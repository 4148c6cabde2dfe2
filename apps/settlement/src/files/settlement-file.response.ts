import { ApiProperty } from '@nestjs/swagger';

import { deliveryResponseOf, FileDeliveryResponse } from './file-delivery.response';
import { type SettlementFile, totalsAsText } from './settlement-file';

/** A batch's file as the operators' API shows it (amounts as exact decimal text). */
export class SettlementFileResponse extends FileDeliveryResponse {
  @ApiProperty({ format: 'uuid' }) fileId!: string;
  @ApiProperty({ format: 'uuid' }) batchId!: string;
  @ApiProperty({ example: 'default' }) acquirerId!: string;
  @ApiProperty({ example: '2026-12-01', format: 'date' }) businessDay!: string;
  @ApiProperty({ example: 'TX_ACQ01_20261201_0001.csv' }) fileName!: string;
  @ApiProperty({ description: "the acquirer's file sequence number, kept by every re-send" }) sequence!: number;
  @ApiProperty({ example: 'acquirer-transactions-csv' }) layout!: string;
  @ApiProperty({ nullable: true, type: Number }) detailCount!: number | null;
  @ApiProperty({ nullable: true, type: Object, example: { amount: '4000' }, description: 'the totalled detail fields, minor units as text' })
  totals!: Record<string, string> | null;
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
    ...deliveryResponseOf(file),
    detailCount: written?.detailCount ?? null,
    totals: written ? totalsAsText(written.totals) : null,
  };
}
