import type { Iso8583Message } from '../spec/iso8583-spec.types';

/** Test card data (public test PAN, made-up track 2 / PIN block / ICC data). */
export const TEST_PAN = '4761739001010119';
export const TEST_TRACK2 = '4761739001010119=25122011143804400000';
export const TEST_PIN_BLOCK = '0412AC89ABCDEF67';
export const TEST_ICC = '9F2608C2C12B098F3DA6E39F2701809F10120110A0000F040000000000000000000000FF';

/** A typical chip purchase request (0200) as the authorization service sends it. */
export function purchaseRequest(): Iso8583Message {
  return {
    mti: '0200',
    fields: {
      2: TEST_PAN,
      3: '000000',
      4: '000000001234',
      7: '1122054730',
      11: '000042',
      12: '054730',
      13: '1122',
      14: '2512',
      22: '051',
      25: '00',
      35: TEST_TRACK2,
      37: '632605000042',
      41: 'TERM0001',
      42: 'MERCHANT0000001',
      43: 'TEST SHOP               BISHKEK       KG',
      49: '417',
      52: TEST_PIN_BLOCK,
      55: TEST_ICC,
    },
  };
}

/** The same chip purchase as an ISO 8583:1993 financial request (1200, function code 200). */
export function purchaseRequest1993(): Iso8583Message {
  return {
    mti: '1200',
    fields: {
      2: TEST_PAN,
      3: '000000',
      4: '000000001234',
      7: '1122054730',
      11: '000042',
      12: '261122114730',
      14: '2512',
      22: '510101511344',
      24: '200',
      26: '5411',
      35: TEST_TRACK2,
      37: '632605000042',
      41: 'TERM0001',
      42: 'MERCHANT0000001',
      43: 'TEST SHOP>BISHKEK KG',
      49: '417',
      52: TEST_PIN_BLOCK,
      55: TEST_ICC,
    },
  };
}
