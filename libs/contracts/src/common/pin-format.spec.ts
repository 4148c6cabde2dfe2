import { authorizeRequestSchema } from '../authorization/authorize.v1';
import { pinFormatProblemOf } from './fields.schema';

const TDES_KSN = 'FFFF9876543210E00001';
const AES_KSN = '123456789012345600000001';
const FORMAT0_BLOCK = '1B9C1845EB993A7A';
const FORMAT4_BLOCK = 'A912150391AB65A67E52883D81CE2D15';

describe('pinFormatProblemOf', () => {
  it("takes format 0 with a TDES KSN and format 4 with an AES KSN, the card block's or pin.ksn", () => {
    expect(pinFormatProblemOf({ pinBlock: FORMAT0_BLOCK, format: 0 }, TDES_KSN)).toBeUndefined();
    expect(pinFormatProblemOf({ pinBlock: FORMAT4_BLOCK, format: 4 }, AES_KSN)).toBeUndefined();
    expect(pinFormatProblemOf({ pinBlock: FORMAT4_BLOCK, format: 4, ksn: '123456789012345600000002' }, AES_KSN)).toBeUndefined();
  });

  it.each<[string, Parameters<typeof pinFormatProblemOf>[0], string, string]>([
    [
      'format 0 under an AES KSN',
      { pinBlock: FORMAT0_BLOCK, format: 0 },
      AES_KSN,
      "pin.format: 0 (ISO 9564 format 0) is for a TDES DUKPT PIN pad, the card block's KSN is an AES DUKPT KSN",
    ],
    [
      'format 4 under a TDES KSN',
      { pinBlock: FORMAT4_BLOCK, format: 4 },
      TDES_KSN,
      "pin.format: 4 (ISO 9564 format 4) is for an AES DUKPT PIN pad, the card block's KSN is a TDES DUKPT KSN",
    ],
    [
      'format 4 under a TDES pin.ksn',
      { pinBlock: FORMAT4_BLOCK, format: 4, ksn: TDES_KSN },
      AES_KSN,
      'pin.format: 4 (ISO 9564 format 4) is for an AES DUKPT PIN pad, pin.ksn is a TDES',
    ],
    ['a 16-digit format 4 block', { pinBlock: FORMAT0_BLOCK, format: 4 }, AES_KSN, 'pin.pinBlock: a format 4 PIN block is 32 hex digits, has 16'],
    ['a 32-digit format 0 block', { pinBlock: FORMAT4_BLOCK, format: 0 }, TDES_KSN, 'pin.pinBlock: a format 0 PIN block is 16 hex digits, has 32'],
  ])('names %s', (_case, pin, cardKsn, message) => {
    expect(pinFormatProblemOf(pin, cardKsn)).toContain(message);
  });

  it('is part of the authorize request contract', () => {
    const request = {
      transactionId: '5f1c8d2e-7a3b-4c1d-9e2f-0a1b2c3d4e5f',
      operation: 'purchase',
      terminalId: 'TERM0001',
      merchantId: 'SHOP1',
      amountMinor: '100',
      currency: 'EUR',
      card: { bdkId: 'aes', ksn: AES_KSN, ciphertext: '00'.repeat(32) },
      entryMode: 'chip',
      requestedAt: new Date().toISOString(),
    };
    expect(authorizeRequestSchema.safeParse({ ...request, pin: { pinBlock: FORMAT4_BLOCK, format: 4 } }).success).toBe(true);
    const refused = authorizeRequestSchema.safeParse({ ...request, pin: { pinBlock: FORMAT0_BLOCK, format: 0 } });
    expect(refused.success).toBe(false);
    expect(JSON.stringify(refused.error?.issues)).toContain('pin.format: 0');
  });
});
