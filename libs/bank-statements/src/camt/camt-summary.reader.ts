import type { DeclaredSummary } from '../model/bank-statement.model';
import { child } from './camt-element.util';
import { CamtValueReader } from './camt-value.reader';

/** TxsSummry: the statement's own count and sums of its entries (amounts in the statement's currency). */
export function readCamtSummary(statement: CamtValueReader, currency: string): DeclaredSummary | null {
  const summary = child(statement.element, 'TxsSummry');
  if (summary === undefined) return null;
  const reader = new CamtValueReader(summary, statement.format, `${statement.path}/TxsSummry`);
  const sum = (path: string): bigint | undefined => (reader.optional(path) === undefined ? undefined : reader.decimal(path, currency));
  const net = sum('TtlNtries/TtlNetNtryAmt');
  const netIsDebit = reader.optional('TtlNtries/CdtDbtInd') === 'DBIT';
  return {
    entryCount: reader.integer('TtlNtries/NbOfNtries'),
    grossMinor: sum('TtlNtries/Sum'),
    netMinor: net !== undefined && netIsDebit ? -net : net,
    creditCount: reader.integer('TtlCdtNtries/NbOfNtries'),
    creditMinor: sum('TtlCdtNtries/Sum'),
    debitCount: reader.integer('TtlDbtNtries/NbOfNtries'),
    debitMinor: sum('TtlDbtNtries/Sum'),
  };
}
