import { parseStatementAmount, type SourceLocation } from '../amount/statement-amount.parser';
import type { EntryDirection } from '../model/bank-statement.model';
import { StatementFormatError } from '../model/statement-format.error';
import { attributeAt, textAt } from './camt-element.util';
import type { XmlElement } from './camt-xml.reader';

/** Reads the values of one element (a statement, a balance, an entry), naming its path in errors. */
export class CamtValueReader {
  constructor(
    readonly element: XmlElement,
    readonly format: string,
    readonly path: string,
  ) {}

  at(path: string): SourceLocation {
    return { format: this.format, location: `${this.path}/${path}` };
  }

  fail(path: string, reason: string): never {
    throw new StatementFormatError(this.format, `${this.path}/${path}`, reason);
  }

  optional(path: string): string | undefined {
    return textAt(this.element, path);
  }

  required(path: string): string {
    return textAt(this.element, path) ?? this.fail(path, 'is missing');
  }

  /** `Amt` with its `Ccy` attribute -> minor units and currency. */
  amount(path: string): { amountMinor: bigint; currency: string } {
    const currency = attributeAt(this.element, path, 'Ccy') ?? this.fail(path, 'has no Ccy attribute');
    return { amountMinor: parseStatementAmount(this.required(path), currency, this.at(path)), currency };
  }

  /** A decimal without its own currency (TxsSummry sums), in minor units of `currency`. */
  decimal(path: string, currency: string): bigint {
    return parseStatementAmount(this.required(path), currency, this.at(path));
  }

  /** CdtDbtInd: CRDT or DBIT. */
  direction(path = 'CdtDbtInd'): EntryDirection {
    const value = this.required(path);
    if (value === 'CRDT') return 'credit';
    if (value === 'DBIT') return 'debit';
    return this.fail(path, `"${value}" is neither CRDT nor DBIT`);
  }

  /** A DateAndDateTimeChoice (`Dt` or `DtTm`) -> YYYY-MM-DD; undefined when the element is absent. */
  date(path: string): string | undefined {
    const value = this.optional(`${path}/Dt`) ?? this.optional(`${path}/DtTm`);
    if (value === undefined) return undefined;
    if (!/^\d{4}-\d{2}-\d{2}/.test(value)) this.fail(path, `"${value}" is not an ISO date`);
    return value.slice(0, 10);
  }

  /** A non-negative integer element such as ElctrncSeqNb. */
  integer(path: string): number | undefined {
    const value = this.optional(path);
    if (value === undefined) return undefined;
    if (!/^[0-9]{1,15}$/.test(value)) this.fail(path, `"${value}" is not a whole number`);
    return Number(value);
  }
}
