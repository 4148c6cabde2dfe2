import { validateXML } from 'xmllint-wasm';

import { checkPain001Totals } from '../pain001/pain001-totals.check';
import { readShippedSchema } from './pain001-schema.locator';

export const PAIN001_XSD = 'pain.001.001.09.xsd';
/** How many of the findings a refusal names (the first ones, in document order). */
const MAX_ERRORS = 5;

let schema: string | undefined;

/** The outcome of checking a pain.001: valid, or the first findings with their lines. */
export type Pain001Validation = { readonly valid: true } | { readonly valid: false; readonly errors: readonly string[] };

/** A pain.001 that failed its checks: never delivered. The message names the first findings. */
export class PaymentOrderRefusedError extends Error {
  constructor(
    readonly fileName: string,
    readonly errors: readonly string[],
  ) {
    super(`${fileName}: refused, not a valid pain.001.001.09: ${errors.join('; ')}`);
  }
}

/**
 * Checks a pain.001.001.09 against the official ISO 20022 schema (libxml2's validator in WASM,
 * nothing fetched), then what the schema cannot say: NbOfTxs and CtrlSum equal to the transfers
 * they count, and no amount with more decimals than its currency has.
 */
export async function validatePain001(xml: string, fileName = 'pain001.xml'): Promise<Pain001Validation> {
  schema ??= readShippedSchema(PAIN001_XSD);
  const result = await validateXML({ xml: [{ fileName, contents: xml }], schema: [{ fileName: PAIN001_XSD, contents: schema }] });
  const errors = result.valid
    ? checkPain001Totals(xml)
    : result.errors.map((error) => (error.loc ? `line ${error.loc.lineNumber}: ${error.message.trim()}` : error.message.trim()));
  return errors.length === 0 ? { valid: true } : { valid: false, errors: errors.slice(0, MAX_ERRORS) };
}

/** Resolves when the text is a valid pain.001.001.09; otherwise rejects with a PaymentOrderRefusedError naming the findings. */
export async function assertValidPain001(xml: string, fileName: string): Promise<void> {
  const validation = await validatePain001(xml, fileName);
  if (!validation.valid) throw new PaymentOrderRefusedError(fileName, validation.errors);
}
