import { encodeBerTlv, type Iso8583Message } from '@payments/iso8583';

/**
 * The codec benchmark's message: a chip purchase request (0200 for the 1987 specs, 1200 for 1993)
 * as the authorization service sends it, 18 data elements. Built here: the library's testing
 * helpers are not part of the build. Public test PAN, made-up track 2, PIN block and cryptogram.
 */
const PAN = '4761739001010119';
const ICC = encodeBerTlv([
  { tag: '9F26', value: 'C2C12B098F3DA6E3' },
  { tag: '9F27', value: '80' },
  { tag: '9F10', value: '0110A00003220000000000000000000000FF' },
  { tag: '9F37', value: '9BADBCAB' },
  { tag: '9F36', value: '0042' },
  { tag: '95', value: '0000008000' },
  { tag: '9A', value: '261122' },
  { tag: '9C', value: '00' },
  { tag: '9F02', value: '000000001234' },
  { tag: '5F2A', value: '0417' },
  { tag: '82', value: '1980' },
  { tag: '9F1A', value: '0417' },
  { tag: '9F33', value: 'E0F8C8' },
  { tag: '9F34', value: '420300' },
  { tag: '84', value: 'A0000000041010' },
]);
const COMMON = { 2: PAN, 3: '000000', 4: '000000001234', 7: '1122054730', 11: '000042', 14: '2512', 35: `${PAN}=25122011143804400000` };
const CARD_ACCEPTOR = { 37: '632605000042', 41: 'TERM0001', 42: 'MERCHANT0000001', 49: '417', 52: '0412AC89ABCDEF67', 55: ICC };

const PURCHASE_1987: Iso8583Message = {
  mti: '0200',
  fields: { ...COMMON, ...CARD_ACCEPTOR, 12: '114730', 13: '1122', 22: '051', 25: '00', 43: 'TEST SHOP               BISHKEK       KG' },
};
const PURCHASE_1993: Iso8583Message = {
  mti: '1200',
  fields: { ...COMMON, ...CARD_ACCEPTOR, 12: '261122114730', 22: '510101511344', 24: '200', 26: '5411', 43: 'TEST SHOP>BISHKEK KG' },
};

export interface BenchCase {
  readonly spec: string;
  readonly message: Iso8583Message;
  /** The jPOS packager of the same wire format (org.jpos.iso.packager). */
  readonly jposPackager: string;
}

/** The first case is the benchmark message: iso87ascii is the host links' default dialect. */
export const BENCH_CASES: readonly BenchCase[] = [
  { spec: 'iso87ascii', message: PURCHASE_1987, jposPackager: 'ISO87APackager' },
  { spec: 'iso87binary', message: PURCHASE_1987, jposPackager: 'ISO87BPackager' },
  { spec: 'iso93ascii', message: PURCHASE_1993, jposPackager: 'ISO93APackager' },
  { spec: 'iso93binary', message: PURCHASE_1993, jposPackager: 'ISO93BPackager' },
];
