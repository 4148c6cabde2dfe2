import type { SettlementFileSent } from '@payments/contracts';

export type SettlementFileStatus = 'pending' | 'delivered' | 'failed';

/** What the file of one closed batch is made from: enough to write it again byte for byte. */
export interface FileRecipe {
  readonly id: string;
  readonly batchId: string;
  readonly acquirerId: string;
  readonly businessDay: string;
  readonly sequence: number;
  readonly layout: string;
  readonly values: Readonly<Record<string, string>>;
  readonly fileName: string;
  readonly createdAt: Date;
}

/** What one written file held: its size, hash, detail count and the layout's totals. */
export interface WrittenFile {
  readonly byteLength: number;
  readonly sha256: string;
  readonly detailCount: number;
  readonly totals: Readonly<Record<string, bigint>>;
}

/** A batch's transaction file and how its delivery went. */
export interface SettlementFile extends FileRecipe {
  readonly status: SettlementFileStatus;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly lastError: string | null;
  /** Known once delivered. */
  readonly written: WrittenFile | null;
  readonly destination: string | null;
  readonly deliveredAt: Date | null;
}

/** The layout's totals as exact decimal text (minor units, signed), as events and the API carry them. */
export function totalsAsText(totals: WrittenFile['totals']): Record<string, string> {
  return Object.fromEntries(Object.entries(totals).map(([name, value]) => [name, value.toString()]));
}

export function fileSentEventOf(file: FileRecipe, written: WrittenFile, destination: string, deliveredAt: Date): SettlementFileSent {
  return {
    fileId: file.id,
    batchId: file.batchId,
    acquirerId: file.acquirerId,
    businessDay: file.businessDay,
    layout: file.layout,
    fileName: file.fileName,
    sequence: file.sequence,
    detailCount: written.detailCount,
    totals: totalsAsText(written.totals),
    byteLength: written.byteLength,
    sha256: written.sha256,
    destination,
    deliveredAt: deliveredAt.toISOString(),
  };
}

/** The wait before attempt n+1 after n failed ones: base, doubling, at most an hour. */
export function retryDelayMs(failedAttempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(failedAttempts - 1, 0), 3_600_000);
}
