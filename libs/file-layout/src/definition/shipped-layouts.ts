import acquirerSettlementReportCsv from '../../layouts/acquirer-settlement-report.csv.json';
import acquirerTransferFileCsv from '../../layouts/acquirer-transfer-file.csv.json';
import acquirerTransactionsCsv from '../../layouts/acquirer-transactions.csv.json';
import acquirerTransactionsFixed from '../../layouts/acquirer-transactions.fixed.json';
import journalEntriesCsv from '../../layouts/journal-entries.csv.json';
import type { FileLayout } from './file-layout.model';
import { layoutFromDefinition } from './layout-definition.loader';

/** The layouts shipped in libs/file-layout/layouts, by name (imported, so they travel with the build). */
const SHIPPED: Readonly<Record<string, unknown>> = {
  'acquirer-settlement-report-csv': acquirerSettlementReportCsv,
  'acquirer-transfer-file-csv': acquirerTransferFileCsv,
  'acquirer-transactions-csv': acquirerTransactionsCsv,
  'acquirer-transactions-fixed': acquirerTransactionsFixed,
  'journal-entries-csv': journalEntriesCsv,
};

export const SHIPPED_LAYOUT_NAMES = Object.keys(SHIPPED);

/** A shipped layout, validated and compiled; an unknown name throws naming the known ones. */
export function shippedLayout(name: string): FileLayout {
  const definition = SHIPPED[name];
  if (definition === undefined) throw new Error(`no shipped file layout ${name}; known: ${SHIPPED_LAYOUT_NAMES.join(', ')}`);
  return layoutFromDefinition(definition, `shipped layout ${name}`);
}
