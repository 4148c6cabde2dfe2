import { FieldValueError } from './field-value.error';

export type AmountSign = 'minus' | 'leading' | 'trailing' | 'unsigned';

/** How an amount in minor units is written: implied decimals, or a point at the currency exponent. */
export interface AmountStyle {
  readonly sign: AmountSign;
  /** Undefined: implied decimals (the minor units as they are). */
  readonly exponent: number | undefined;
}

/** The sign and the digits of an amount, apart, so that zero padding can go between them. */
export interface AmountText {
  readonly sign: string;
  readonly digits: string;
}

export function formatAmount(minor: bigint, style: AmountStyle): AmountText {
  const negative = minor < 0n;
  if (negative && style.sign === 'unsigned') throw new FieldValueError('is negative, and the layout writes amounts unsigned');
  let digits = (negative ? -minor : minor).toString();
  if (style.exponent !== undefined && style.exponent > 0) {
    const padded = digits.padStart(style.exponent + 1, '0');
    digits = `${padded.slice(0, -style.exponent)}.${padded.slice(-style.exponent)}`;
  }
  const sign = style.sign === 'leading' || style.sign === 'trailing' ? (negative ? '-' : '+') : negative ? '-' : '';
  return { sign, digits };
}

/** Reads what formatAmount wrote (after padding was taken off); the point must stand at the exponent. */
export function parseAmount(text: string, style: AmountStyle): bigint {
  let sign = '';
  let body = text;
  if (style.sign === 'trailing') {
    sign = body.slice(-1);
    body = body.slice(0, -1);
  } else if (style.sign !== 'unsigned' && (body.startsWith('-') || body.startsWith('+'))) {
    sign = body[0];
    body = body.slice(1);
  }
  if ((style.sign === 'leading' || style.sign === 'trailing') && sign !== '+' && sign !== '-') throw new FieldValueError('has no + or - sign');
  if (style.sign === 'minus' && sign === '+') throw new FieldValueError('has a + sign, the layout writes only -');
  const exponent = style.exponent ?? 0;
  if (!amountShape(exponent).test(body)) {
    throw new FieldValueError(exponent > 0 ? `is not an amount with ${exponent} decimals after a point` : 'is not an amount in digits');
  }
  const minor = BigInt(body.replace('.', ''));
  return sign === '-' ? -minor : minor;
}

const SHAPES = new Map<number, RegExp>();

function amountShape(exponent: number): RegExp {
  let shape = SHAPES.get(exponent);
  if (!shape) {
    shape = exponent > 0 ? new RegExp(`^\\d+\\.\\d{${exponent}}$`) : /^\d+$/;
    SHAPES.set(exponent, shape);
  }
  return shape;
}
