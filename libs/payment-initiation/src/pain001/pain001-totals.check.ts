import { XMLParser } from 'fast-xml-parser';

import { findCurrencyByAlpha } from '@payments/money';

import { controlSumOf } from './pain001-amount';

// Every value kept as text (an amount never becomes a float); any namespace version of pain.001.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  removeNSPrefix: true,
  processEntities: false,
  isArray: (name) => name === 'PmtInf' || name === 'CdtTrfTxInf',
});

interface Amount {
  readonly amountMinor: bigint;
  readonly currency: string;
}

interface ParsedTransaction {
  readonly PmtId?: { readonly EndToEndId?: string };
  readonly Amt?: { readonly InstdAmt?: { readonly '#text'?: string; readonly '@Ccy'?: string } };
}

interface ParsedPaymentInformation {
  readonly PmtInfId?: string;
  readonly NbOfTxs?: string;
  readonly CtrlSum?: string;
  readonly CdtTrfTxInf?: ParsedTransaction[];
}

interface ParsedDocument {
  readonly Document?: {
    readonly CstmrCdtTrfInitn?: { readonly GrpHdr?: { readonly NbOfTxs?: string; readonly CtrlSum?: string }; readonly PmtInf?: ParsedPaymentInformation[] };
  };
}

/**
 * What the XSD cannot check in a pain.001: each NbOfTxs and CtrlSum (group header and payment
 * information) equal to the transfers under it, and each instructed amount with no more decimals
 * than its currency's ISO 4217 exponent (the schema allows five). Returns the findings, empty when
 * there are none; the text is expected to have passed the schema already.
 */
export function checkPain001Totals(xml: string): string[] {
  const message = (parser.parse(xml) as ParsedDocument).Document?.CstmrCdtTrfInitn;
  if (!message?.GrpHdr) return ['Document/CstmrCdtTrfInitn/GrpHdr: missing'];
  const findings: string[] = [];
  const all: (Amount | undefined)[] = [];
  for (const [index, information] of (message.PmtInf ?? []).entries()) {
    const where = `PmtInf[${index + 1}] ${information.PmtInfId ?? ''}`.trim();
    const amounts = (information.CdtTrfTxInf ?? []).map((transaction, position) => amountOf(transaction, `${where}/CdtTrfTxInf[${position + 1}]`, findings));
    findings.push(...totalsFindings(where, information, amounts));
    all.push(...amounts);
  }
  findings.push(...totalsFindings('GrpHdr', message.GrpHdr, all));
  return findings;
}

function amountOf(transaction: ParsedTransaction, where: string, findings: string[]): Amount | undefined {
  const instructed = transaction.Amt?.InstdAmt;
  if (instructed === undefined) {
    findings.push(`${where}/Amt: no InstdAmt (an equivalent amount is not summed)`);
    return undefined;
  }
  const text = instructed['#text'] ?? '';
  const currency = instructed['@Ccy'] ?? '';
  const exponent = findCurrencyByAlpha(currency)?.minorUnits;
  const [whole, fraction = ''] = text.split('.');
  if (exponent === undefined) findings.push(`${where}/Amt/InstdAmt: unknown currency "${currency}"`);
  else if (fraction.length > exponent) findings.push(`${where}/Amt/InstdAmt: "${text}" has ${fraction.length} decimals, ${currency} has ${exponent}`);
  else return { amountMinor: BigInt(whole + fraction.padEnd(exponent, '0')), currency };
  return undefined;
}

/** The declared count against the transactions; the declared sum against their amounts when every one was read. */
function totalsFindings(where: string, declared: { readonly NbOfTxs?: string; readonly CtrlSum?: string }, read: readonly (Amount | undefined)[]): string[] {
  const findings: string[] = [];
  const amounts = read.filter((a): a is Amount => a !== undefined);
  if (declared.NbOfTxs !== undefined && BigInt(declared.NbOfTxs) !== BigInt(read.length)) {
    findings.push(`${where}/NbOfTxs: says ${declared.NbOfTxs}, holds ${read.length} transactions`);
  }
  if (declared.CtrlSum !== undefined && amounts.length === read.length && !sameDecimal(declared.CtrlSum, controlSumOf(amounts))) {
    findings.push(`${where}/CtrlSum: says ${declared.CtrlSum}, the amounts sum to ${controlSumOf(amounts)}`);
  }
  return findings;
}

/** Equal as decimals (`12.5` and `12.50`), compared as text digits, never as floats. */
function sameDecimal(a: string, b: string): boolean {
  const [aWhole, aFraction = ''] = a.trim().split('.');
  const [bWhole, bFraction = ''] = b.split('.');
  const width = Math.max(aFraction.length, bFraction.length);
  return BigInt(aWhole + aFraction.padEnd(width, '0')) === BigInt(bWhole + bFraction.padEnd(width, '0'));
}
