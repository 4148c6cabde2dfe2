import { withdrawnCurrencyIssues } from '../amount/statement-currency.lookup';
import type { BankProfile } from '../checks/bank-profile.table';
import type { StatementBalance } from '../model/bank-statement.model';
import type { StatementDraft } from '../model/statement-draft.model';
import { StatementFormatError } from '../model/statement-format.error';
import { children } from './camt-element.util';
import { readCamtEntry } from './camt-entry.reader';
import { readCamtSummary } from './camt-summary.reader';
import { camtMessageFor, type CamtFormat, type CamtMessage } from './camt-namespace.table';
import { CamtValueReader } from './camt-value.reader';
import { readCamtXml, type XmlElement } from './camt-xml.reader';

/**
 * camt.053 (statements) and camt.054 (debit/credit notifications), .001.02 to .001.08, detected
 * by namespace. A camt.054 carries no balances: its drafts have opening/closing null.
 */
export function parseCamt(text: string, requested: CamtFormat, profile: BankProfile): StatementDraft[] {
  const document = readCamtXml(text, requested);
  if (document.rootName !== 'Document') {
    throw new StatementFormatError(requested, document.rootName, 'the root element must be Document');
  }
  const message = camtMessageFor(document.namespace, requested);
  const body = children(document.root, message.messageElement)[0];
  if (body === undefined) throw new StatementFormatError(requested, `Document/${message.messageElement}`, 'is missing');
  const statements = children(body, message.statementElement);
  if (statements.length === 0) {
    throw new StatementFormatError(requested, `Document/${message.messageElement}/${message.statementElement}`, 'is missing');
  }
  return statements.map((element, index) => readStatement(element, message, profile, `${message.messageElement}/${message.statementElement}[${index + 1}]`));
}

function readStatement(element: XmlElement, message: CamtMessage, profile: BankProfile, path: string): StatementDraft {
  const statement = new CamtValueReader(element, message.format, path);
  const entries = children(element, 'Ntry').map((entry, index) => readCamtEntry(entry, message.format, `${path}/Ntry[${index + 1}]`));
  const balances = readBalances(element, message.format, path);
  const withBalances = message.format === 'camt053';
  const opening = withBalances ? pickBalance(balances, profile.openingCodes, statement, 'opening') : null;
  const closing = withBalances ? pickBalance(balances, profile.closingCodes, statement, 'closing') : null;
  const currency =
    statement.optional('Acct/Ccy') ??
    opening?.currency ??
    entries[0]?.currency ??
    statement.fail('Acct/Ccy', 'is missing and there is nothing to take the currency from');
  return {
    format: message.format,
    id: statement.required('Id'),
    account: statement.optional('Acct/Id/IBAN') ?? statement.optional('Acct/Id/Othr/Id') ?? statement.fail('Acct/Id', 'has neither IBAN nor Othr/Id'),
    currency,
    sequence: readSequence(statement),
    opening,
    closing,
    forwardAvailable: balances.get('FWAV') ?? null,
    entries,
    declaredSummary: readCamtSummary(statement, currency),
    issues: withdrawnCurrencyIssues(currency),
  };
}

function readSequence(statement: CamtValueReader): StatementDraft['sequence'] {
  const number = statement.integer('ElctrncSeqNb') ?? statement.integer('LglSeqNb');
  return number === undefined ? null : { number, page: statement.integer('StmtPgntn/PgNb') ?? null };
}

/** Balances by type code (`OPBD`, `CLBD`, ...); the first of a code wins. */
function readBalances(element: XmlElement, format: string, path: string): Map<string, StatementBalance> {
  const balances = new Map<string, StatementBalance>();
  children(element, 'Bal').forEach((bal, index) => {
    const balance = new CamtValueReader(bal, format, `${path}/Bal[${index + 1}]`);
    const code = balance.optional('Tp/CdOrPrtry/Cd') ?? balance.optional('Tp/CdOrPrtry/Prtry') ?? balance.fail('Tp', 'has no balance type code');
    const { amountMinor, currency } = balance.amount('Amt');
    const date = balance.date('Dt') ?? balance.fail('Dt', 'is missing');
    if (!balances.has(code)) {
      balances.set(code, { amountMinor: balance.direction() === 'debit' ? -amountMinor : amountMinor, currency, date });
    }
  });
  return balances;
}

function pickBalance(
  balances: Map<string, StatementBalance>,
  codes: readonly string[],
  statement: CamtValueReader,
  role: 'opening' | 'closing',
): StatementBalance {
  const code = codes.find((candidate) => balances.has(candidate));
  const found = code === undefined ? undefined : balances.get(code);
  if (found) return found;
  const present = [...balances.keys()];
  const hint = present.includes('OPAV') && present.includes('CLAV') ? '; the bank profile available-balances reads OPAV and CLAV' : '';
  return statement.fail('Bal', `no ${role} balance of type ${codes.join(' or ')} (the statement has: ${present.join(', ') || 'none'})${hint}`);
}
