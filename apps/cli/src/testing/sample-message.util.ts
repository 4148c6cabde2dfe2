import type { Iso8583Message } from '@payments/iso8583';

/** Public Visa test PAN and made-up track 2 / PIN block: no real card data in tests. */
export const TEST_PAN = '4761739001010119';

/**
 * A chip purchase request (0200) touching every kind of element the CLI must carry: LLVAR (2, 35),
 * fixed numeric and text (3, 4, 11, 41), binary as hex (52) and one above 64 (secondary bitmap).
 */
export function purchaseRequest(): Iso8583Message {
  return {
    mti: '0200',
    fields: {
      2: TEST_PAN,
      3: '000000',
      4: '000000001234',
      11: '000042',
      35: `${TEST_PAN}=25122011143804400000`,
      41: 'TERM0001',
      49: '417',
      52: '0412AC89ABCDEF67',
      70: '301',
    },
  };
}
