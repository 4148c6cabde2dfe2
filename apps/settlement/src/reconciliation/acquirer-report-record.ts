import type { ReconciliationKind } from '@payments/contracts';

/** Counts and sums of one kind (matched, or a kind of break) in one currency; amounts signed, a credit negative. */
export interface ReconciliationKindTotal {
  readonly kind: ReconciliationKind;
  readonly currency: string;
  readonly count: number;
  readonly ourAmountMinor: bigint;
  readonly theirAmountMinor: bigint;
  readonly theirFeeMinor: bigint;
}

/** An import of an acquirer's settlement report and its reconciliation report. */
export interface AcquirerReportRecord {
  readonly id: string;
  readonly acquirerId: string;
  readonly businessDay: string;
  readonly sha256: string;
  readonly fileName: string | null;
  readonly layout: string;
  readonly lineCount: number;
  /** `replaced`: another file was imported for the same day in its place (`replacedBy`). */
  readonly status: 'current' | 'replaced';
  readonly replacedBy: string | null;
  readonly importedAt: Date;
  readonly breakCount: number;
  readonly openBreakCount: number;
  readonly totals: readonly ReconciliationKindTotal[];
}

/** The day already has a reconciled report from another file, and the import did not ask to replace it. */
export class DayAlreadyReconciledError extends Error {
  constructor(readonly earlierReportId: string) {
    super(`already reconciled by import ${earlierReportId}`);
    this.name = 'DayAlreadyReconciledError';
  }
}
