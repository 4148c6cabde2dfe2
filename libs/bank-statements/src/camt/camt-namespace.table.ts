import type { StatementFormat } from '../model/bank-statement.model';
import { StatementFormatError } from '../model/statement-format.error';

export type CamtFormat = Extract<StatementFormat, 'camt053' | 'camt054'>;

export interface CamtMessage {
  readonly format: CamtFormat;
  /** e.g. `camt.053.001.04`. */
  readonly version: string;
  /** The element under Document that holds the statements or notifications. */
  readonly messageElement: string;
  /** One statement (camt.053) or notification (camt.054). */
  readonly statementElement: string;
}

const ISO20022 = 'urn:iso:std:iso:20022:tech:xsd:';
const VERSIONS = ['02', '03', '04', '05', '06', '07', '08'] as const;

/** The camt versions read here, by namespace: camt.053 and camt.054 from .001.02 to .001.08. */
export const CAMT_NAMESPACES: ReadonlyMap<string, CamtMessage> = new Map(
  VERSIONS.flatMap((v): [string, CamtMessage][] => [
    [`${ISO20022}camt.053.001.${v}`, { format: 'camt053', version: `camt.053.001.${v}`, messageElement: 'BkToCstmrStmt', statementElement: 'Stmt' }],
    [`${ISO20022}camt.054.001.${v}`, { format: 'camt054', version: `camt.054.001.${v}`, messageElement: 'BkToCstmrDbtCdtNtfctn', statementElement: 'Ntfctn' }],
  ]),
);

/** ISO 20022 messages that banks exchange but that are not statements, refused by name. */
const NOT_STATEMENTS: ReadonlyArray<readonly [message: string, name: string]> = [
  ['pain.001', 'a customer credit transfer initiation (a payment order to the bank)'],
  ['pain.002', 'a payment status report'],
  ['pain.008', 'a customer direct debit initiation'],
  ['camt.052', 'an intraday account report'],
  ['pacs.008', 'an interbank credit transfer'],
];

/**
 * Finds the camt message for a document's namespace and checks it is the format asked for.
 * An unknown namespace is refused naming it and the known ones; a pain.001 (or another ISO 20022
 * message that is not a statement) is refused by name.
 */
export function camtMessageFor(namespace: string | null, requested: CamtFormat): CamtMessage {
  const message = namespace === null ? undefined : CAMT_NAMESPACES.get(namespace);
  if (message === undefined) {
    const other = NOT_STATEMENTS.find(([id]) => namespace?.includes(id));
    const reason = other
      ? `this is ${other[0]}, ${other[1]}, not a bank statement (namespace ${namespace})`
      : `unknown namespace ${namespace ?? '(none)'}; known: camt.053.001.02-08 and camt.054.001.02-08 under ${ISO20022}`;
    throw new StatementFormatError(requested, 'Document', reason);
  }
  if (message.format !== requested) {
    throw new StatementFormatError(requested, 'Document', `the file is ${message.version}, not ${requested}`);
  }
  return message;
}
