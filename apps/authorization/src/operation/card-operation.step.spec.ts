import { ANSI_TEST_INITIAL_KSN, KeySerialNumber } from '@payments/crypto';

import { pinKsnRuleOf } from './card-operation.step';

const CARD_KSN = KeySerialNumber.parse(ANSI_TEST_INITIAL_KSN).withCounter(5).toHex();
const requestWith = (pinKsn?: string) => ({
  card: { bdkId: 'ansi-test-bdk', ksn: CARD_KSN } as Parameters<typeof pinKsnRuleOf>[0]['card'],
  pin: { pinBlock: '0123456789ABCDEF', format: 0 as const, ksn: pinKsn },
});

describe('pinKsnRuleOf', () => {
  it("takes a PIN under the card block's KSN or under another counter of the same PIN pad", () => {
    expect(pinKsnRuleOf(requestWith())).toBeUndefined();
    expect(pinKsnRuleOf(requestWith(CARD_KSN))).toBeUndefined();
    expect(pinKsnRuleOf(requestWith(KeySerialNumber.parse(CARD_KSN).withCounter(6).toHex()))).toBeUndefined();
  });

  it('refuses a PIN under an older counter than the card block (a copied PIN block), naming pin.ksn', () => {
    expect(pinKsnRuleOf(requestWith(KeySerialNumber.parse(CARD_KSN).withCounter(4).toHex()))).toBe(
      "pin.ksn: counter 4 is below card.ksn's 5 (a PIN is entered after the card is read)",
    );
  });

  it.each([
    ['another device id', 'FFFF9876543211E00006'],
    ['another key set id', 'FFFE9876543210E00006'],
  ])('refuses a pin.ksn of %s, naming pin.ksn', (_case, pinKsn) => {
    expect(pinKsnRuleOf(requestWith(pinKsn))).toMatch(/^pin\.ksn: not the card block's PIN pad/);
  });
});

describe('pinKsnRuleOf with AES DUKPT (X9.24-3) KSNs', () => {
  const aesCardKsn = '123456789012345600000005';
  const aesRequest = (pinKsn: string) => ({
    card: { ksn: aesCardKsn } as Parameters<typeof pinKsnRuleOf>[0]['card'],
    pin: { pinBlock: '0'.repeat(32), format: 4 as const, ksn: pinKsn },
  });

  it('takes another counter of the same initial key id, refuses another initial key id or a TDES KSN, naming pin.ksn', () => {
    expect(pinKsnRuleOf(aesRequest('123456789012345600000006'))).toBeUndefined();
    expect(pinKsnRuleOf(aesRequest('123456789012345600000004'))).toMatch(/^pin\.ksn: counter 4 is below card\.ksn's 5/);
    expect(pinKsnRuleOf(aesRequest('123456789012345700000006'))).toMatch(/^pin\.ksn: not the card block's PIN pad/);
    expect(pinKsnRuleOf(aesRequest('FFFF9876543210E00006'))).toMatch(/^pin\.ksn: not the card block's PIN pad/);
    expect(pinKsnRuleOf({ ...aesRequest(aesCardKsn), card: { ksn: CARD_KSN } as Parameters<typeof pinKsnRuleOf>[0]['card'] })).toMatch(/^pin\.ksn:/);
  });
});
