import type { ContentClass, FieldDefinition, Iso8583Spec } from './iso8583-spec.types';

// Shorthands that build plain definition objects, so the table below reads one field per line.
const F = (maxLength: number, contentClass: ContentClass, name: string): FieldDefinition => ({ name, lengthType: 'FIXED', maxLength, contentClass });
const LL = (maxLength: number, contentClass: ContentClass, name: string): FieldDefinition => ({ name, lengthType: 'LLVAR', maxLength, contentClass });
const LLL = (maxLength: number, contentClass: ContentClass, name: string): FieldDefinition => ({ name, lengthType: 'LLLVAR', maxLength, contentClass });
// jPOS IFA_LLBINARY / IFA_LLLBINARY: an ASCII length prefix (in bytes) then RAW bytes, not hex text.
const RAW = (def: FieldDefinition): FieldDefinition => ({ ...def, encoding: 'binary' });

/**
 * ISO 8583:1993, all-ASCII wire format, as jPOS's ISO93APackager (generic packager iso93ascii),
 * whose test message is jPOS's ISO93APackager.bin. The 1993 field meanings differ from 1987 (see
 * the payments-standards reference, section 1.2): DE 12 is n12 date+time, DE 22 an12 POS data
 * code, DE 24 function code, DE 39 n3 action code, DE 43 LLVAR, DE 56 original data elements.
 * jPOS quirks kept on purpose, so jPOS peers interoperate byte for byte:
 * - DE 53, 55 and 96 are raw bytes behind an ASCII length prefix (IFA_LL(L)BINARY) while DE 52,
 *   64, 65 and 128 are hex text (IFA_BINARY): one ASCII message carries both.
 * - DE 56 is ans although ISO and jPOS (IFA_LLNUM) say n..35: jPOS does not check the digits and
 *   its own test message carries "EFGH" there; the reversal logic checks the sub-fields.
 * - DE 35 is the z code set sent as characters (IFA_LLCHAR); DE 36 is ans (IFA_LLLCHAR).
 * - DE 49-51 are an3 (IF_CHAR) as in iso87ascii; DE 99 is ans..11 (IFA_LLCHAR).
 */
export const ISO93_ASCII_SPEC: Iso8583Spec = {
  name: 'iso93ascii',
  description: 'ISO 8583:1993 ASCII (jPOS ISO93APackager / iso93ascii)',
  mtiEncoding: 'ascii',
  bitmapEncoding: 'hex',
  prefixEncoding: 'ascii',
  encodings: { n: 'ascii', a: 'ascii', an: 'ascii', ans: 'ascii', b: 'hex', z: 'ascii', xn: 'ascii' },
  fields: {
    2: LL(19, 'n', 'PRIMARY ACCOUNT NUMBER'),
    3: F(6, 'n', 'PROCESSING CODE'),
    4: F(12, 'n', 'AMOUNT, TRANSACTION'),
    5: F(12, 'n', 'AMOUNT, RECONCILIATION'),
    6: F(12, 'n', 'AMOUNT, CARDHOLDER BILLING'),
    7: F(10, 'n', 'DATE AND TIME, TRANSMISSION'),
    8: F(8, 'n', 'AMOUNT, CARDHOLDER BILLING FEE'),
    9: F(8, 'n', 'CONVERSION RATE, RECONCILIATION'),
    10: F(8, 'n', 'CONVERSION RATE, CARDHOLDER BILLING'),
    11: F(6, 'n', 'SYSTEMS TRACE AUDIT NUMBER'),
    12: F(12, 'n', 'DATE AND TIME, LOCAL TRANSACTION'),
    13: F(4, 'n', 'DATE, EFFECTIVE'),
    14: F(4, 'n', 'DATE, EXPIRATION'),
    15: F(6, 'n', 'DATE, SETTLEMENT'),
    16: F(4, 'n', 'DATE, CONVERSION'),
    17: F(4, 'n', 'DATE, CAPTURE'),
    18: F(4, 'n', 'MERCHANT TYPE'),
    19: F(3, 'n', 'COUNTRY CODE, ACQUIRING INSTITUTION'),
    20: F(3, 'n', 'COUNTRY CODE, PRIMARY ACCOUNT NUMBER'),
    21: F(3, 'n', 'COUNTRY CODE, FORWARDING INSTITUTION'),
    22: F(12, 'an', 'POINT OF SERVICE DATA CODE'),
    23: F(3, 'n', 'CARD SEQUENCE NUMBER'),
    24: F(3, 'n', 'FUNCTION CODE'),
    25: F(4, 'n', 'MESSAGE REASON CODE'),
    26: F(4, 'n', 'CARD ACCEPTOR BUSINESS CODE'),
    27: F(1, 'n', 'APPROVAL CODE LENGTH'),
    28: F(6, 'n', 'DATE, RECONCILIATION'),
    29: F(3, 'n', 'RECONCILIATION INDICATOR'),
    30: F(24, 'n', 'AMOUNTS, ORIGINAL'),
    31: LL(99, 'ans', 'ACQUIRER REFERENCE DATA'),
    32: LL(11, 'n', 'ACQUIRER INSTITUTION IDENTIFICATION CODE'),
    33: LL(11, 'n', 'FORWARDING INSTITUTION IDENTIFICATION CODE'),
    34: LL(28, 'ans', 'PRIMARY ACCOUNT NUMBER, EXTENDED'),
    35: LL(37, 'z', 'TRACK 2 DATA'),
    36: LLL(104, 'ans', 'TRACK 3 DATA'),
    37: F(12, 'an', 'RETRIEVAL REFERENCE NUMBER'),
    38: F(6, 'an', 'APPROVAL CODE'),
    39: F(3, 'n', 'ACTION CODE'),
    40: F(3, 'n', 'SERVICE CODE'),
    41: F(8, 'ans', 'CARD ACCEPTOR TERMINAL IDENTIFICATION'),
    42: F(15, 'ans', 'CARD ACCEPTOR IDENTIFICATION CODE'),
    43: LL(99, 'ans', 'CARD ACCEPTOR NAME/LOCATION'),
    44: LL(99, 'ans', 'ADDITIONAL RESPONSE DATA'),
    45: LL(76, 'ans', 'TRACK 1 DATA'),
    46: LLL(204, 'ans', 'AMOUNTS, FEES'),
    47: LLL(999, 'ans', 'ADDITIONAL DATA - NATIONAL'),
    48: LLL(999, 'ans', 'ADDITIONAL DATA - PRIVATE'),
    49: F(3, 'an', 'CURRENCY CODE, TRANSACTION'),
    50: F(3, 'an', 'CURRENCY CODE, RECONCILIATION'),
    51: F(3, 'an', 'CURRENCY CODE, CARDHOLDER BILLING'),
    52: F(8, 'b', 'PERSONAL IDENTIFICATION NUMBER (PIN) DATA'),
    53: RAW(LL(48, 'b', 'SECURITY RELATED CONTROL INFORMATION')),
    54: LLL(120, 'ans', 'AMOUNTS, ADDITIONAL'),
    55: RAW(LLL(255, 'b', 'IC CARD SYSTEM RELATED DATA')),
    56: LL(35, 'ans', 'ORIGINAL DATA ELEMENTS'),
    57: F(3, 'n', 'AUTHORIZATION LIFE CYCLE CODE'),
    58: LL(11, 'n', 'AUTHORIZING AGENT INSTITUTION ID CODE'),
    59: LLL(999, 'ans', 'TRANSPORT DATA'),
    60: LLL(999, 'ans', 'RESERVED FOR NATIONAL USE'),
    61: LLL(999, 'ans', 'RESERVED FOR NATIONAL USE'),
    62: LLL(999, 'ans', 'RESERVED FOR PRIVATE USE'),
    63: LLL(999, 'ans', 'RESERVED FOR PRIVATE USE'),
    64: F(8, 'b', 'MESSAGE AUTHENTICATION CODE FIELD'),
    65: F(8, 'b', 'RESERVED FOR ISO USE'),
    66: LLL(204, 'ans', 'AMOUNTS, ORIGINAL FEES'),
    67: F(2, 'n', 'EXTENDED PAYMENT DATA'),
    68: F(3, 'n', 'COUNTRY CODE, RECEIVING INSTITUTION'),
    69: F(3, 'n', 'COUNTRY CODE, SETTLEMENT INSTITUTION'),
    70: F(3, 'n', 'COUNTRY CODE, AUTHORIZING AGENT INSTITUTION'),
    71: F(8, 'n', 'MESSAGE NUMBER'),
    72: LLL(999, 'ans', 'DATA RECORD'),
    73: F(6, 'n', 'DATE, ACTION'),
    74: F(10, 'n', 'CREDITS, NUMBER'),
    75: F(10, 'n', 'CREDITS, REVERSAL NUMBER'),
    76: F(10, 'n', 'DEBITS, NUMBER'),
    77: F(10, 'n', 'DEBITS, REVERSAL NUMBER'),
    78: F(10, 'n', 'TRANSFER, NUMBER'),
    79: F(10, 'n', 'TRANSFER, REVERSAL NUMBER'),
    80: F(10, 'n', 'INQUIRIES, NUMBER'),
    81: F(10, 'n', 'AUTHORIZATIONS, NUMBER'),
    82: F(10, 'n', 'INQUIRIES, REVERSAL NUMBER'),
    83: F(10, 'n', 'PAYMENTS, NUMBER'),
    84: F(10, 'n', 'PAYMENTS, REVERSAL NUMBER'),
    85: F(10, 'n', 'FEE COLLECTIONS, NUMBER'),
    86: F(16, 'n', 'CREDITS, AMOUNT'),
    87: F(16, 'n', 'CREDITS, REVERSAL AMOUNT'),
    88: F(16, 'n', 'DEBITS, AMOUNT'),
    89: F(16, 'n', 'DEBITS, REVERSAL AMOUNT'),
    90: F(10, 'n', 'AUTHORIZATIONS, REVERSAL NUMBER'),
    91: F(3, 'n', 'COUNTRY CODE, TRANSACTION DESTINATION INSTITUTION'),
    92: F(3, 'n', 'COUNTRY CODE, TRANSACTION ORIGINATOR INSTITUTION'),
    93: LL(11, 'n', 'TRANSACTION DESTINATION INSTITUTION ID CODE'),
    94: LL(11, 'n', 'TRANSACTION ORIGINATOR INSTITUTION ID CODE'),
    95: LL(99, 'ans', 'CARD ISSUER REFERENCE DATA'),
    96: RAW(LLL(999, 'b', 'KEY MANAGEMENT DATA')),
    97: F(17, 'xn', 'AMOUNT, NET RECONCILIATION'),
    98: F(25, 'ans', 'PAYEE'),
    99: LL(11, 'ans', 'SETTLEMENT INSTITUTION ID CODE'),
    100: LL(11, 'n', 'RECEIVING INSTITUTION ID CODE'),
    101: LL(17, 'ans', 'FILE NAME'),
    102: LL(28, 'ans', 'ACCOUNT IDENTIFICATION 1'),
    103: LL(28, 'ans', 'ACCOUNT IDENTIFICATION 2'),
    104: LLL(100, 'ans', 'TRANSACTION DESCRIPTION'),
    105: F(16, 'n', 'CREDITS, CHARGEBACK AMOUNT'),
    106: F(16, 'n', 'DEBITS, CHARGEBACK AMOUNT'),
    107: F(10, 'n', 'CREDITS, CHARGEBACK NUMBER'),
    108: F(10, 'n', 'DEBITS, CHARGEBACK NUMBER'),
    109: LL(84, 'ans', 'CREDITS, FEE AMOUNTS'),
    110: LL(84, 'ans', 'DEBITS, FEE AMOUNTS'),
    ...reserved(111, 115, 'RESERVED FOR ISO USE'),
    ...reserved(116, 122, 'RESERVED FOR NATIONAL USE'),
    ...reserved(123, 127, 'RESERVED FOR PRIVATE USE'),
    128: F(8, 'b', 'MESSAGE AUTHENTICATION CODE FIELD'),
  },
};

/** DE 111-127 are all ans..999 LLLVAR, differing only by name. */
function reserved(from: number, to: number, name: string): Record<number, FieldDefinition> {
  const out: Record<number, FieldDefinition> = {};
  for (let n = from; n <= to; n++) out[n] = LLL(999, 'ans', name);
  return out;
}
