import type { TlvInput } from '../emv/ber-tlv.model';

/**
 * ICC data (DE 55) of a chip purchase ARQC as a terminal sends it, tag by tag (made-up cryptogram
 * and unpredictable number; Mastercard AID; 12.34 KGS on 22 Nov 2026).
 */
export const CHIP_PURCHASE_ICC: readonly TlvInput[] = [
  { tag: '9F26', value: 'C2C12B098F3DA6E3' }, // application cryptogram (ARQC)
  { tag: '9F27', value: '80' }, // cryptogram information data: ARQC
  { tag: '9F10', value: '0110A00003220000000000000000000000FF' }, // issuer application data
  { tag: '9F37', value: '9BADBCAB' }, // unpredictable number
  { tag: '9F36', value: '0042' }, // application transaction counter
  { tag: '95', value: '0000008000' }, // terminal verification results
  { tag: '9A', value: '261122' }, // transaction date YYMMDD
  { tag: '9C', value: '00' }, // transaction type: purchase
  { tag: '9F02', value: '000000001234' }, // amount, authorised
  { tag: '5F2A', value: '0417' }, // transaction currency code: KGS
  { tag: '82', value: '1980' }, // application interchange profile
  { tag: '9F1A', value: '0417' }, // terminal country code: Kyrgyzstan
  { tag: '9F33', value: 'E0F8C8' }, // terminal capabilities
  { tag: '9F34', value: '420300' }, // CVM results: online PIN
  { tag: '84', value: 'A0000000041010' }, // dedicated file name (AID)
];

/** The same block written out byte by byte (tag, length, value), independent of the encoder. */
export const CHIP_PURCHASE_ICC_HEX = [
  '9F2608C2C12B098F3DA6E3',
  '9F270180',
  '9F10120110A00003220000000000000000000000FF',
  '9F37049BADBCAB',
  '9F36020042',
  '95050000008000',
  '9A03261122',
  '9C0100',
  '9F0206000000001234',
  '5F2A020417',
  '82021980',
  '9F1A020417',
  '9F3303E0F8C8',
  '9F3403420300',
  '8407A0000000041010',
].join('');

/** Response ICC data: issuer authentication data (91) and an issuer script template (71). */
export const ISSUER_SCRIPT_RESPONSE_HEX = ['910A1A2B3C4D5E6F70813030', '7116', '9F180400000001', '860D8424000008AABBCCDDEEFF0011'].join('');
